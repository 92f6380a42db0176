namespace Cmdb.Domain.Persistence.Configurations;

/// <summary>Column lengths shared by the configurations, chosen to stay inside MySQL's index key limit.</summary>
internal static class Lengths
{
    public const int Id = 36;
    public const int Short = 100;
    public const int Name = 200;
    public const int Text = 1000;
}
