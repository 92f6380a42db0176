using System.DirectoryServices.Protocols;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Cmdb.Integrations.Ldap;

/// <summary>
/// The real directory, over LDAPv3 with a simple bind. Each call opens its own connection (the
/// client's connections are not safe to share between threads, and group changes are rare), and
/// a call that fails transiently is repeated as a whole: reading before writing keeps that safe.
/// </summary>
internal sealed class LdapDirectory : ILdapDirectory
{
    private readonly LdapOptions _options;
    private readonly ILogger<LdapDirectory> _logger;
    private readonly ResiliencePipeline _retry;

    public LdapDirectory(IOptions<LdapOptions> options, ILogger<LdapDirectory> logger)
    {
        _options = options.Value;
        _logger = logger;
        _retry = BuildRetry(_options.Retries, logger);
    }

    public async Task<string?> GetGroupAsync(string dn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dn);
        var values = await RunAsync(dn, ReadGroupAsync, cancellationToken);
        return values.FirstOrDefault();
    }

    public async Task<GroupChange> ChangeGroupAsync(string dn, string newGroup, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dn);
        ArgumentException.ThrowIfNullOrWhiteSpace(newGroup);
        var change = await RunAsync(dn, async (connection, step, token) =>
        {
            var values = await ReadGroupAsync(connection, step, token);
            // Several values are collapsed into the one asked for, so only a single equal value is "no change".
            if (values is [var only] && only == newGroup)
                return new GroupChange(dn, only, newGroup, Changed: false);

            step.Name = $"change of {dn}";
            var replace = new ModifyRequest(dn, DirectoryAttributeOperation.Replace, _options.GroupAttribute, newGroup);
            await connection.SendAsync<ModifyResponse>(replace, _options.Timeout, token);
            return new GroupChange(dn, values.FirstOrDefault(), newGroup, Changed: true);
        }, cancellationToken);

        if (change.Changed)
            _logger.LogInformation("LDAP {Attribute} of {Dn} changed from {Previous} to {Group}", _options.GroupAttribute, dn, change.PreviousGroup, newGroup);
        return change;
    }

    private async Task<string[]> ReadGroupAsync(LdapConnection connection, Step step, CancellationToken cancellationToken)
    {
        step.Name = $"read of {step.Dn}";
        var search = new SearchRequest(step.Dn, "(objectClass=*)", SearchScope.Base, _options.GroupAttribute);
        var response = await connection.SendAsync<SearchResponse>(search, _options.Timeout, cancellationToken);
        if (response.Entries.Count == 0)
            throw LdapFailures.NoSuchEntry(step.Dn);
        // Only the group attribute was asked for; the server may name it differently (case, alias).
        var attribute = response.Entries[0].Attributes.Values.Cast<DirectoryAttribute>().FirstOrDefault();
        return attribute is null ? [] : (string[])attribute.GetValues(typeof(string));
    }

    private async Task<T> RunAsync<T>(string dn, Func<LdapConnection, Step, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var step = new Step(dn);
        try
        {
            return await _retry.ExecuteAsync(async token =>
            {
                using var connection = Connect();
                step.Name = $"bind as {_options.BindDn}";
                await connection.BindAsync(_options.Timeout, token);
                return await operation(connection, step, token);
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or Domain.Common.ExternalSystemException))
        {
            throw LdapFailures.ToExternal(ex, step.Name, dn, _options);
        }
    }

    private LdapConnection Connect()
    {
        var url = new Uri(_options.Url!);
        var secure = url.Scheme == "ldaps";
        var port = url.IsDefaultPort || url.Port <= 0 ? (secure ? 636 : 389) : url.Port;
        var connection = new LdapConnection(
            new LdapDirectoryIdentifier(url.Host, port, fullyQualifiedDnsHostName: false, connectionless: false),
            new NetworkCredential(_options.BindDn, _options.BindPassword),
            AuthType.Basic)
        {
            AutoBind = false,
            Timeout = _options.Timeout,
        };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.SecureSocketLayer = secure;
        return connection;
    }

    private static ResiliencePipeline BuildRetry(int retries, ILogger logger)
    {
        if (retries <= 0)
            return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = retries,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(LdapFailures.IsTransient),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            OnRetry = args =>
            {
                logger.LogWarning("LDAP attempt {Attempt} failed ({Error}); retrying in {Delay} ms",
                    args.AttemptNumber + 1, args.Outcome.Exception?.Message, (int)args.RetryDelay.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    /// <summary>What the call was doing when it failed, for the error message.</summary>
    private sealed class Step(string dn)
    {
        public string Dn { get; } = dn;

        public string Name { get; set; } = $"connection for {dn}";
    }
}
