using System.DirectoryServices.Protocols;
using Cmdb.Domain.Common;

namespace Cmdb.Integrations.Ldap;

/// <summary>Turns what the LDAP client throws into <see cref="ExternalSystemException"/>s a caller can act on.</summary>
internal static class LdapFailures
{
    public const string System = "LDAP";

    // Client-side codes as System.DirectoryServices.Protocols reports them (wldap32 numbering), and
    // libldap's own negative codes: server down, timeout, connect error, send timeout.
    private static readonly HashSet<int> UnreachableCodes = [0x51, 0x55, 0x5b, 0x70, -1, -5, -11];

    public static ExternalSystemException NoSuchEntry(string dn) => new(System, $"entry {dn} does not exist");

    /// <summary>Worth another attempt: the server could not be reached, was busy, or did not answer in time.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutException => true,
        LdapException ldap => UnreachableCodes.Contains(ldap.ErrorCode),
        DirectoryOperationException { Response.ResultCode: ResultCode.Busy or ResultCode.Unavailable } => true,
        _ => false,
    };

    /// <summary>
    /// A readable message naming the step (e.g. "bind as cn=…", "read of cn=…"), the entry and the
    /// server's reason. Never the bind password: it is not put in, and is masked should a server
    /// ever echo it.
    /// </summary>
    public static ExternalSystemException ToExternal(Exception exception, string step, string dn, LdapOptions options)
    {
        var (message, unavailable) = exception switch
        {
            DirectoryOperationException { Response.ResultCode: ResultCode.NoSuchObject } => ($"entry {dn} does not exist", false),
            DirectoryOperationException operation => (
                $"{step} refused: {operation.Message} ({operation.Response?.ResultCode}){Diagnostic(operation.Response?.ErrorMessage)}",
                IsTransient(exception)),
            LdapException ldap when IsTransient(ldap) => ($"{options.Url} unavailable ({step}): {ldap.Message}", true),
            LdapException ldap => ($"{step} refused: {ldap.Message} (code {ldap.ErrorCode}){Diagnostic(ldap.ServerErrorMessage)}", false),
            TimeoutException => ($"{options.Url} did not answer ({step}) within {options.Timeout.TotalSeconds:0.#} s", true),
            DllNotFoundException or TypeInitializationException { InnerException: DllNotFoundException } =>
                ("the OpenLDAP client library could not be loaded: install libldap-2.5-0 (Debian 12) or libldap2", false),
            _ => ($"{step} failed: {exception.Message}", false),
        };
        if (!string.IsNullOrEmpty(options.BindPassword))
            message = message.Replace(options.BindPassword, "***", StringComparison.Ordinal);
        return new ExternalSystemException(System, message, unavailable, exception);
    }

    private static string Diagnostic(string? serverMessage) =>
        string.IsNullOrWhiteSpace(serverMessage) ? "" : $": {serverMessage.Trim()}";
}
