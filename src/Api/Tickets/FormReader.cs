using System.Text.Json;
using Cmdb.Domain.Tickets.Forms;
using FluentValidation;
using FluentValidation.Results;

namespace Cmdb.Api.Tickets;

/// <summary>Reads a ticket form strictly and validates it; every problem comes back named by its path under <c>form</c>.</summary>
internal static class FormReader
{
    public static async Task<object> ReadAsync(FormDefinition definition, JsonElement json, CancellationToken cancellationToken)
    {
        object form;
        try
        {
            form = FormCatalog.Read(definition, json);
        }
        catch (JsonException ex)
        {
            var path = ex.Path is { Length: > 1 } p ? "Form" + p[1..] : "Form";
            throw new ValidationException([new ValidationFailure(path, ex.Message)]);
        }
        var result = await definition.Validator.ValidateAsync(new ValidationContext<object>(form), cancellationToken);
        if (!result.IsValid)
            throw new ValidationException(result.Errors.Select(e => new ValidationFailure("Form." + e.PropertyName, e.ErrorMessage)));
        return form;
    }
}
