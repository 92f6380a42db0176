using Cmdb.TestSupport.Servers;

namespace Cmdb.Integrations.Tests.PuppetCa;

[CollectionDefinition(Name)]
public sealed class PuppetServerCollection : ICollectionFixture<PuppetServerFixture>
{
    public const string Name = "Puppet Server";
}
