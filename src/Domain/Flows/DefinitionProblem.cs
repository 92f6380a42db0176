namespace Cmdb.Domain.Flows;

/// <summary>One thing wrong with a definition, located by a JSON pointer into the document.</summary>
public sealed record DefinitionProblem(string Pointer, string Code, string Message);

public static class ProblemCodes
{
    public const string Json = "invalid-json";
    public const string Schema = "schema";
    public const string DuplicateStep = "duplicate-step";
    public const string UnknownStep = "unknown-step";
    public const string UnreachableStep = "unreachable-step";
    public const string NoNextStep = "no-next-step";
    public const string UnknownActivity = "unknown-activity";
    public const string MissingInput = "missing-input";
    public const string UnknownInput = "unknown-input";
    public const string UnknownOutcome = "unknown-outcome";
    public const string BadExpression = "bad-expression";
    public const string BadDuration = "bad-duration";
    public const string NoActorRule = "no-actor-rule";
    public const string RequesterApproves = "requester-approves";
    public const string UnknownForm = "unknown-form";
    public const string Misplaced = "misplaced";
}
