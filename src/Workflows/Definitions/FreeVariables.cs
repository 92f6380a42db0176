using Acornima;
using Acornima.Ast;

namespace Cmdb.Workflows.Definitions;

/// <summary>Collects the names an expression reads that it does not declare itself (arrow and function parameters).</summary>
internal sealed class FreeVariables : AstVisitor
{
    private readonly Stack<HashSet<string>> _scopes = new();

    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    protected override object? VisitIdentifier(Identifier node)
    {
        if (!_scopes.Any(s => s.Contains(node.Name)))
            Names.Add(node.Name);
        return node;
    }

    protected override object? VisitMemberExpression(MemberExpression node)
    {
        Visit(node.Object);
        if (node.Computed)
            Visit(node.Property);
        return node;
    }

    protected override object? VisitObjectProperty(ObjectProperty node)
    {
        if (node.Computed)
            Visit(node.Key);
        Visit(node.Value);
        return node;
    }

    protected override object? VisitArrowFunctionExpression(ArrowFunctionExpression node) => InScope(node.Params, node.Body);

    protected override object? VisitFunctionExpression(FunctionExpression node) => InScope(node.Params, node.Body);

    private object? InScope(in NodeList<Node> parameters, Node body)
    {
        var scope = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
            Declare(parameter, scope);
        _scopes.Push(scope);
        Visit(body);
        _scopes.Pop();
        return body;
    }

    private static void Declare(Node pattern, HashSet<string> scope)
    {
        switch (pattern)
        {
            case Identifier identifier:
                scope.Add(identifier.Name);
                break;
            case AssignmentPattern assignment:
                Declare(assignment.Left, scope);
                break;
            case RestElement rest:
                Declare(rest.Argument, scope);
                break;
            case ArrayPattern array:
                foreach (var element in array.Elements)
                {
                    if (element is not null)
                        Declare(element, scope);
                }
                break;
            case ObjectPattern obj:
                foreach (var property in obj.Properties)
                    Declare(property is AssignmentProperty p ? p.Value : ((RestElement)property).Argument, scope);
                break;
        }
    }
}
