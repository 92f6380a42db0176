using Acornima;
using Acornima.Ast;

namespace Cmdb.Workflows.Definitions;

/// <summary>
/// Collects the names an expression reads that it does not declare itself: function parameters
/// and the <c>const</c>/<c>let</c>/<c>var</c>, function and <c>catch</c> names declared inside
/// its own function bodies are in scope; anything else must be a variable the flow provides.
/// </summary>
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

    // The declared name is in scope already (hoisted below); only the initialiser reads names.
    protected override object? VisitVariableDeclarator(VariableDeclarator node)
    {
        if (node.Init is not null)
            Visit(node.Init);
        return node;
    }

    protected override object? VisitArrowFunctionExpression(ArrowFunctionExpression node) => InScope(null, node.Params, node.Body);

    protected override object? VisitFunctionExpression(FunctionExpression node) => InScope(node.Id, node.Params, node.Body);

    protected override object? VisitFunctionDeclaration(FunctionDeclaration node) => InScope(node.Id, node.Params, node.Body);

    protected override object? VisitCatchClause(CatchClause node)
    {
        var scope = new HashSet<string>(StringComparer.Ordinal);
        if (node.Param is not null)
            Declare(node.Param, scope);
        _scopes.Push(scope);
        Visit(node.Body);
        _scopes.Pop();
        return node;
    }

    private object? InScope(Identifier? name, in NodeList<Node> parameters, Node body)
    {
        var scope = new HashSet<string>(StringComparer.Ordinal);
        if (name is not null)
            scope.Add(name.Name);
        foreach (var parameter in parameters)
            Declare(parameter, scope);
        new Declarations(scope).Visit(body);
        _scopes.Push(scope);
        Visit(body);
        _scopes.Pop();
        return body;
    }

    internal static void Declare(Node pattern, HashSet<string> scope)
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

    /// <summary>
    /// The names a function body declares, wherever in the body (block scoping is flattened to
    /// the function: a little more permissive than JavaScript, never refusing a valid name).
    /// Nested functions keep their own declarations.
    /// </summary>
    private sealed class Declarations(HashSet<string> scope) : AstVisitor
    {
        protected override object? VisitVariableDeclarator(VariableDeclarator node)
        {
            Declare(node.Id, scope);
            return node;
        }

        protected override object? VisitFunctionDeclaration(FunctionDeclaration node)
        {
            if (node.Id is not null)
                scope.Add(node.Id.Name);
            return node;
        }

        protected override object? VisitFunctionExpression(FunctionExpression node) => node;

        protected override object? VisitArrowFunctionExpression(ArrowFunctionExpression node) => node;
    }
}
