using Cmdb.Domain.Clusters;

namespace Cmdb.Domain.Tests.Clusters;

public sealed class ClusterRulesTests
{
    [Theory]
    [InlineData("10.0.0.1", new[] { "10.0.0.1" })]
    [InlineData(" 10.0.0.1 , 10.0.0.2 ,", new[] { "10.0.0.1", "10.0.0.2" })]
    [InlineData("10.0.0.1,10.0.0.2,", new[] { "10.0.0.1", "10.0.0.2" })]
    public void IP_lists_tolerate_spaces_and_one_trailing_comma(string text, string[] expected)
    {
        var (addresses, problems) = IpList.Parse(text);
        Assert.Empty(problems);
        Assert.Equal(expected, addresses);
    }

    [Theory]
    [InlineData("10.0.0.1,,10.0.0.2", "item 2 is empty")]
    [InlineData("10.0.0.256", "'10.0.0.256' (item 1) is not an IPv4 address")]
    [InlineData("::1", "'::1' (item 1) is not an IPv4 address")]
    [InlineData("10.1", "'10.1' (item 1) is not an IPv4 address")]
    public void Every_item_must_be_an_IPv4_address(string text, string problem) => Assert.Contains(problem, IpList.Parse(text).Problems);

    [Theory]
    [InlineData("casea-prod-east-01", true)]
    [InlineData("casea-prod-east-1", false)]
    [InlineData("casea-prod-east-00", false)]
    [InlineData("CaseA-prod-east-01", false)]
    [InlineData("casea-prod-east", false)]
    public void Prod_names_end_in_a_two_digit_number_from_01(string name, bool valid) => Assert.Equal(valid, ClusterRules.IsProdName(name));

    [Theory]
    [InlineData("prod", "prod", null)]
    [InlineData("prod", "uat", "A prod cluster stays prod.")]
    [InlineData("dev", "uat", null)]
    [InlineData("uat", "dev", null)]
    [InlineData("sit", "dev", "Only dev and uat clusters may move between each other (not sit → dev).")]
    [InlineData("dev", "prod", "A cluster cannot become prod; create a prod cluster instead.")]
    public void Env_changes(string from, string to, string? problem) => Assert.Equal(problem, ClusterRules.EnvChangeProblem(from, to));

    [Fact]
    public void Sizes_per_env_and_9_plus_6_may_be_kept()
    {
        Assert.Equal(["3+3", "5+3", "9+6"], ClusterRules.SizesFor("prod"));
        Assert.Equal(["3+3", "5+3"], ClusterRules.SizesFor("uat"));
        Assert.Equal(["3+3", "5+3", "9+6"], ClusterRules.SizesFor("uat", "9+6"));
    }

    [Fact]
    public void A_refusal_names_the_numbers()
    {
        var load = new ClusterLoad(1, "c1", 10, 5, 3);
        Assert.Null(load.Refusal(2, 1.0));
        Assert.Equal("Cluster c1 would be at 110.0%: placed 5 + reserved by open tickets 3 + these stores 3 = 11 of 10 nodes; the limit is 100%.", load.Refusal(3, 1.0));
    }
}
