using System.Text.Json;
using Cmdb.Domain.Tickets.Forms;

namespace Cmdb.Activities.Clusters;

internal static class FormInput
{
    /// <summary>Reads an object input as a ticket form type (strictly, as forms are read at submit).</summary>
    public static T Read<T>(ActivityContext context, string input)
    {
        var node = context.Inputs.GetValueOrDefault(input) ?? throw new ActivityInputException(input, "is required");
        try
        {
            return node.Deserialize<T>(FormCatalog.Json) ?? throw new ActivityInputException(input, "is empty");
        }
        catch (JsonException ex)
        {
            throw new ActivityInputException(input, $"is not a {typeof(T).Name}: {ex.Message}");
        }
    }
}
