namespace Cmdb.Workflows.Tests.Persistence;

public sealed class TestData
{
    public string Name { get; set; } = "";
    public int Count { get; set; }
    public List<string> Tags { get; set; } = [];
    public Dictionary<string, decimal> Prices { get; set; } = [];
}

public sealed class TestStepState
{
    public int Attempt { get; set; }
    public string? Note { get; set; }
}
