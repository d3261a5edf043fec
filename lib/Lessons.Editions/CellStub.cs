using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lessons.Editions;

/// <summary>
/// Turns the teacher's code of an exercise cell into the student's stub, derived from the code itself so the two
/// never drift apart: the cell is parsed with Roslyn (as a script, the way the notebook kernel reads it), and only the
/// bodies the student writes are replaced, each by a <c>// TODO:</c> line and a throw of
/// <c>NotWrittenYetException</c> (Lessons.Notebooks). Every other character of the cell stays as it was: signatures,
/// class declarations and fields, comments, and the statements around them, so the stub compiles and the cells after
/// it run.
/// </summary>
public static class CellStub
{
    /// <summary>What a marked cell asks the student to write.</summary>
    public enum Part
    {
        /// <summary>The bodies of its methods, local functions and constructors (classes included).</summary>
        Members,

        /// <summary>The bodies of its top-level loops (<c>for</c>, <c>foreach</c>, <c>while</c>, <c>do</c>).</summary>
        Loops,
    }

    static readonly CSharpParseOptions Script = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    /// <summary>
    /// The stub of <paramref name="code"/>. <paramref name="checkFor"/> gives, for a function's name, the call further
    /// down the notebook that checks it (<c>StepCheck.Rnn(RnnStep)</c>), if any, for the TODO to point at.
    /// <paramref name="language"/> is the notebook's (en, tr): the TODO and the piece's name are in it.
    /// </summary>
    /// <exception cref="InvalidDataException">The code does not parse, or has nothing of <paramref name="part"/> to stub.</exception>
    public static string Write(string code, Part part, Func<string, string?>? checkFor = null, string language = "en")
    {
        var words = StubWording.For(language);
        var tree = CSharpSyntaxTree.ParseText(code, Script);
        if (tree.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
            throw new InvalidDataException($"its code does not parse ({error.GetMessage()}, line {error.Location.GetLineSpan().StartLinePosition.Line + 1})");
        var text = tree.GetText();
        var root = tree.GetCompilationUnitRoot();
        var stubs = part == Part.Members
            ? Outermost(root).Select(node => MemberStub(node, text, checkFor, words)).ToList()
            : root.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).Where(IsLoop)
                .Select(loop => LoopStub(loop, text, words)).ToList();
        if (stubs.Count == 0)
            throw new InvalidDataException(part == Part.Members
                ? "it declares no method, local function or constructor with a body to stub"
                : "it has no top-level loop to stub");
        return text.WithChanges(stubs).ToString();
    }

    /// <summary>The methods, constructors and local functions with a body, not inside another one.</summary>
    static IEnumerable<SyntaxNode> Outermost(SyntaxNode node)
    {
        foreach (var child in node.ChildNodes())
        {
            if (child is BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null }
                or LocalFunctionStatementSyntax { Body: not null } or LocalFunctionStatementSyntax { ExpressionBody: not null })
                yield return child;
            else
                foreach (var inner in Outermost(child)) yield return inner;
        }
    }

    static TextChange MemberStub(SyntaxNode member, SourceText text, Func<string, string?>? checkFor, StubWording words)
    {
        var (body, arrow, semicolon, parameters) = member switch
        {
            BaseMethodDeclarationSyntax m => (m.Body, m.ExpressionBody, m.SemicolonToken, m.ParameterList),
            LocalFunctionStatementSyntax f => (f.Body, f.ExpressionBody, f.SemicolonToken, f.ParameterList),
            _ => throw new ArgumentException($"not a member with a body: {member.Kind()}", nameof(member)),
        };
        string type = member.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "";
        string piece, todo;
        switch (member)
        {
            case ConstructorDeclarationSyntax:
                piece = words.Constructor(type);
                todo = words.WriteConstructor(type, Arguments(parameters), Calls(member, "RegisterComponents"));
                break;
            default:
                string name = member is MethodDeclarationSyntax m ? m.Identifier.Text
                    : member is LocalFunctionStatementSyntax f ? f.Identifier.Text : member.Kind().ToString();
                var returns = member is MethodDeclarationSyntax md ? md.ReturnType : ((LocalFunctionStatementSyntax)member).ReturnType;
                piece = type.Length > 0 ? $"{type}.{name}" : name;
                bool isVoid = returns is PredefinedTypeSyntax p && p.Keyword.IsKind(SyntaxKind.VoidKeyword);
                string article = returns is IdentifierNameSyntax or QualifiedNameSyntax or GenericNameSyntax or PredefinedTypeSyntax
                    ? "a " : "";
                todo = words.WriteMethod(name, Arguments(parameters), isVoid ? null : returns.ToString(), article, checkFor?.Invoke(name));
                break;
        }
        string indent = Indent(text, member);
        string block = Block(indent, todo, piece);
        // An expression body (`=> ...;`) becomes a block on the lines below the signature.
        return body is not null
            ? new TextChange(body.Span, block)
            : new TextChange(TextSpan.FromBounds(arrow!.ArrowToken.GetPreviousToken().Span.End, semicolon.Span.End),
                "\n" + indent + block);
    }

    static TextChange LoopStub(StatementSyntax loop, SourceText text, StubWording words)
    {
        string? over = loop switch
        {
            ForStatementSyntax { Declaration.Variables: [var v, ..] } => v.Identifier.Text,
            ForEachStatementSyntax f => f.Identifier.Text,
            _ => null,
        };
        var body = loop switch
        {
            ForStatementSyntax f => f.Statement,
            ForEachStatementSyntax f => f.Statement,
            WhileStatementSyntax w => w.Statement,
            DoStatementSyntax d => d.Statement,
            _ => throw new ArgumentException($"not a loop: {loop.Kind()}", nameof(loop)),
        };
        string piece = words.LoopBody(over);
        string todo = words.WriteLoop(over);
        string indent = Indent(text, loop);
        return body is BlockSyntax
            ? new TextChange(body.Span, Block(indent, todo, piece))
            : new TextChange(TextSpan.FromBounds(body.GetFirstToken().GetPreviousToken().Span.End, body.Span.End),
                "\n" + indent + Block(indent, todo, piece));
    }

    static string Block(string indent, string todo, string piece) =>
        new StringBuilder()
            .Append("{\n")
            .Append(indent).Append("    // TODO: ").Append(todo).Append('\n')
            .Append(indent).Append("    throw new NotWrittenYetException(").Append(SymbolDisplay.FormatLiteral(piece, quote: true)).Append(");\n")
            .Append(indent).Append('}')
            .ToString();

    static bool IsLoop(StatementSyntax statement) =>
        statement is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax;

    static bool Calls(SyntaxNode node, string method) =>
        node.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Any(i => i.Expression is IdentifierNameSyntax name && name.Identifier.Text == method);

    /// <summary>The white space that starts the line on which <paramref name="node"/> starts.</summary>
    static string Indent(SourceText text, SyntaxNode node)
    {
        string line = text.Lines.GetLineFromPosition(node.SpanStart).ToString();
        return line[..(line.Length - line.TrimStart().Length)];
    }

    /// <summary>"(x, s, W)": the parameters' names.</summary>
    static string Arguments(ParameterListSyntax parameters) =>
        $"({string.Join(", ", parameters.Parameters.Select(p => p.Identifier.Text))})";
}
