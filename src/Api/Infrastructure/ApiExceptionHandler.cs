using Cmdb.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Cmdb.Api.Infrastructure;

/// <summary>
/// The one place exceptions become HTTP answers (ProblemDetails). What the caller did wrong is
/// a 4xx naming the field or rule; a dependency being down is a 503 naming it; only our own
/// bugs are a 500, without details.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception);
        if (problem.Status >= 500)
            LogServerSide(exception, problem);

        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(
            validation.Errors
                .GroupBy(e => JsonName(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
        },
        Cmdb.Workflows.Definitions.DefinitionInvalidException invalid => WithExtension(
            Problem(StatusCodes.Status400BadRequest, "The definition is not valid.", invalid.Message), "problems", invalid.Problems),
        BadHttpRequestException bad => Problem(bad.StatusCode, "The request could not be read.",
            bad.InnerException is System.Text.Json.JsonException json ? $"{bad.Message} {json.Message}" : bad.Message),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found.", notFound.Message),
        ForbiddenException forbidden => WithExtension(
            Problem(StatusCodes.Status403Forbidden, "Forbidden.", forbidden.Message), "permission", forbidden.Permission),
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict.", conflict.Message),
        Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => Problem(
            StatusCodes.Status409Conflict, "Conflict.", "The record was changed by someone else; reload and try again."),
        ExternalSystemException external => WithExtension(
            Problem(external.Unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway,
                $"{external.System} failed.", external.Message), "system", external.System),
        DatabaseUnavailableException database => WithExtension(
            Problem(StatusCodes.Status503ServiceUnavailable, "The database is unavailable.", database.Message), "system", "database"),
        _ when DatabaseFailure.IsUnavailable(exception) => WithExtension(
            Problem(StatusCodes.Status503ServiceUnavailable, "The database is unavailable.", "database unavailable: " + exception.GetBaseException().Message),
            "system", "database"),
        OperationCanceledException => Problem(499, "The request was cancelled.", null),
        _ => Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.", null),
    };

    private void LogServerSide(Exception exception, ProblemDetails problem)
    {
        if (problem.Status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "Unhandled exception");
        else
            logger.LogWarning("Request failed with {Status}: {Detail}", problem.Status, problem.Detail);
    }

    private static ProblemDetails Problem(int status, string title, string? detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails WithExtension(ProblemDetails problem, string key, object value)
    {
        problem.Extensions[key] = value;
        return problem;
    }

    /// <summary>FluentValidation names properties in C# case; the API speaks camelCase JSON.</summary>
    private static string JsonName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
