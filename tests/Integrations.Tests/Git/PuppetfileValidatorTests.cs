using Cmdb.Domain.Common;
using Cmdb.Integrations.Git;

namespace Cmdb.Integrations.Tests.Git;

/// <summary>The real r10k (Debian package) checking Puppetfiles offline.</summary>
public sealed class PuppetfileValidatorTests
{
    private readonly PuppetfileValidator _validator = new();

    [Fact]
    public async Task A_valid_Puppetfile_passes_and_the_same_blob_is_not_checked_again()
    {
        var first = await _validator.CheckAsync(LocalControlRepository.SamplePuppetfile + "\n", default);
        var second = await _validator.CheckAsync(LocalControlRepository.SamplePuppetfile + "\n", default);

        Assert.True(first.Valid, first.Message);
        Assert.Equal("Syntax OK", first.Message);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
    }

    [Fact]
    public async Task A_syntax_error_is_refused_with_r10ks_message()
    {
        var check = await _validator.CheckAsync("mod 'puppetlabs-ntp', '10.1.0'\nmod 'broken',\n  :git => 'x', (\n", default);
        Assert.False(check.Valid);
        Assert.Contains("syntax error", check.Message);
    }

    [Fact]
    public async Task Duplicate_modules_are_refused_naming_them()
    {
        var check = await _validator.CheckAsync("mod 'puppetlabs-stdlib', '9.4.1'\nmod 'puppetlabs-stdlib', '9.4.2'\n", default);
        Assert.False(check.Valid);
        Assert.Contains("duplicate module names", check.Message);
        Assert.Contains("stdlib", check.Message);
    }

    [Fact]
    public async Task A_misspelled_option_is_refused()
    {
        var check = await _validator.CheckAsync("mod 'store_pos',\n  :comit => 'abc'\n", default);
        Assert.False(check.Valid);
        Assert.Contains(":comit", check.Message);
    }

    [Fact]
    public async Task Without_r10k_the_check_says_how_to_install_it()
    {
        var ex = await Assert.ThrowsAsync<ExternalSystemException>(() => new PuppetfileValidator("/nonexistent/r10k").CheckAsync("mod 'x', :local => true\n", default));
        Assert.Contains("apt-get install -y r10k", ex.Message);
    }

    [Fact]
    public void The_blob_id_is_the_one_git_gives() =>
        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a", PuppetfileValidator.GitBlobId("hello\n"));
}
