using System.DirectoryServices.Protocols;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Cmdb.Integrations.Ldap;

/// <summary>
/// The real directory, over LDAPv3 with a simple bind. Each attempt opens its own connection (the
/// client's connections are not safe to share between threads, and group changes are rare), and
/// an attempt that fails transiently is repeated as a whole: reading before writing keeps that safe.
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
        var values = await RunAsync(dn, (connection, step, _) => ReadGroup(connection, step), cancellationToken);
        return values.FirstOrDefault();
    }

    public async Task<GroupChange> ChangeGroupAsync(string dn, string newGroup, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dn);
        ArgumentException.ThrowIfNullOrWhiteSpace(newGroup);
        var change = await RunAsync(dn, (connection, step, attemptToken) =>
        {
            var values = ReadGroup(connection, step);
            // Several values are collapsed into the one asked for, so only a single equal value is "no change".
            if (values is [var only] && only == newGroup)
                return new GroupChange(dn, only, newGroup, Changed: false);

            // The caller may have stopped waiting while the read was slow: then nothing may be written.
            attemptToken.ThrowIfCancellationRequested();
            step.Name = $"change of {dn}";
            connection.SendRequest(new ModifyRequest(dn, DirectoryAttributeOperation.Replace, _options.GroupAttribute, newGroup), _options.Timeout);
            return new GroupChange(dn, values.FirstOrDefault(), newGroup, Changed: true);
        }, cancellationToken);

        if (change.Changed)
            _logger.LogInformation("LDAP {Attribute} of {Dn} changed from {Previous} to {Group}", _options.GroupAttribute, dn, change.PreviousGroup, newGroup);
        return change;
    }

    private string[] ReadGroup(LdapConnection connection, LdapStep step)
    {
        step.Name = $"read of {step.Dn}";
        var search = new SearchRequest(step.Dn, "(objectClass=*)", SearchScope.Base, _options.GroupAttribute);
        var response = (SearchResponse)connection.SendRequest(search, _options.Timeout);
        if (response.Entries.Count == 0)
            throw LdapFailures.NoSuchEntry(step.Dn);
        // Only the group attribute was asked for; the server may name it differently (case, alias).
        var attribute = response.Entries[0].Attributes.Values.Cast<DirectoryAttribute>().FirstOrDefault();
        return attribute is null ? [] : (string[])attribute.GetValues(typeof(string));
    }

    private async Task<T> RunAsync<T>(string dn, Func<LdapConnection, LdapStep, CancellationToken, T> operation, CancellationToken cancellationToken)
    {
        var step = new LdapStep(dn);
        try
        {
            return await _retry.ExecuteAsync(token => new ValueTask<T>(AttemptAsync(step, operation, token)), cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or Domain.Common.ExternalSystemException))
        {
            throw LdapFailures.ToExternal(ex, step.Name, dn, _options);
        }
    }

    /// <summary>
    /// One attempt on a thread of its own, awaited with a deadline. On Linux the client blocks in
    /// libldap until the server answers: the bind has no timeout at all, and the request timeouts
    /// (Begin/EndSendRequest's polling included) reach libldap as a far longer wait than asked
    /// for. So the caller stops waiting at <see cref="LdapOptions.Timeout"/> or on cancellation,
    /// and the abandoned attempt ends when the server answers or drops the connection.
    /// </summary>
    private async Task<T> AttemptAsync<T>(LdapStep step, Func<LdapConnection, LdapStep, CancellationToken, T> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var attempt = Task.Factory.StartNew(() =>
        {
            using var connection = Connect();
            step.Name = $"bind as {_options.BindDn}";
            connection.Bind();
            return operation(connection, step, abandon.Token);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return await attempt.WaitAsync(_options.Timeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            await abandon.CancelAsync();
            // Nobody awaits the abandoned attempt: its failure must not surface as an unobserved exception.
            _ = attempt.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
        finally
        {
            // Disposed only once the attempt has stopped looking at its token.
            _ = attempt.ContinueWith(_ => abandon.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
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
}
