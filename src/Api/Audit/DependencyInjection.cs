namespace Cmdb.Api.Audit;

internal static class DependencyInjection
{
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuditOptions.SectionName).Get<AuditOptions>() ?? new AuditOptions();
        if (options.BodyLimitBytes < 256 || options.QueueCapacity < 1 || options.WriteBatchSize < 1)
            throw new InvalidOperationException("Audit:BodyLimitBytes must be at least 256, Audit:QueueCapacity and Audit:WriteBatchSize at least 1.");
        services.AddSingleton(options);
        services.AddSingleton(new Redactor(options.SensitiveKeys));
        services.AddSingleton(new ClientAddress(options.TrustedProxies));
        services.AddSingleton<AuditQueue>();
        services.AddSingleton<IAuditStore, EfAuditStore>();
        services.AddHostedService<AuditWriter>();
        return services;
    }
}
