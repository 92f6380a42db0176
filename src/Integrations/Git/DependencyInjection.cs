using Cmdb.Integrations.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Cmdb.Integrations.Git;

internal static class DependencyInjection
{
    /// <summary>GitLab when <c>Integrations:GitLab:BaseUrl</c> is set, else the local bare control repository (created on first use).</summary>
    internal static IServiceCollection AddGitHost(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GitLabOptions.SectionName);
        var settings = section.Get<GitLabOptions>() ?? new GitLabOptions();
        services.AddSingleton(new PuppetfileValidator());
        if (!settings.UsesGitLab)
        {
            services.AddSingleton<IGitHost>(_ =>
            {
                var path = Path.GetFullPath(settings.LocalRepositoryPath);
                LocalControlRepository.EnsureCreated(path);
                return new LocalGitHost(path);
            });
            return services;
        }

        services.AddOptions<GitLabOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRefitGeneratedClient<IGitLabApi>()
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<GitLabOptions>>().Value;
                client.BaseAddress = new Uri(options.BaseUrl!);
                client.DefaultRequestHeaders.Add("PRIVATE-TOKEN", options.Token);
            })
            .RemoveAllLoggers()
            .AddExternalResilience("gitlab", settings.Retries, settings.AttemptTimeout);
        services.AddTransient<IGitHost, GitLabGitHost>();
        return services;
    }
}
