using Cmdb.Domain.Persistence;

namespace Cmdb.Domain.Tests.Persistence;

public sealed class SnakeCaseNamesTests
{
    [Theory]
    [InlineData("Id", "id")]
    [InlineData("NextExecution", "next_execution")]
    [InlineData("ExecutionPointerId", "execution_pointer_id")]
    [InlineData("HTTPStatus", "http_status")]
    [InlineData("IpV6", "ip_v6")]
    public void Names_are_converted_word_by_word(string name, string expected) =>
        Assert.Equal(expected, SnakeCaseNames.ToSnakeCase(name));
}
