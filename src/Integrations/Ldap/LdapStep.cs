namespace Cmdb.Integrations.Ldap;

/// <summary>What an LDAP call was doing when it failed, for the error message; written by the attempt's thread, read by the caller.</summary>
internal sealed class LdapStep(string dn)
{
    private volatile string _name = $"connection for {dn}";

    public string Dn { get; } = dn;

    public string Name
    {
        get => _name;
        set => _name = value;
    }
}
