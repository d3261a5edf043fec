using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lessons.Tests.Localization;

/// <summary>
/// The English templates of the lines a notebook's code prints with <c>Kit.Print(...)</c> (or joins with
/// <c>Kit.Text(...)</c>), read from the code with
/// Roslyn and built the way <see cref="Lessons.Notebooks.PrintedLine"/> builds them as the cell runs: literal text with
/// braces doubled, each value as {index[,alignment][:format]}, additions of interpolated strings joined into one.
/// </summary>
static class PrintedLineTemplates
{
    /// <summary>A Kit.Print or Kit.Text call: its template, or null when its argument is not one the kit can translate
    /// (a plain string added to an interpolated one is a string concatenation, formatted before the kit sees it).</summary>
    public sealed record Call(string Code, string? Template);

    public static IEnumerable<Call> In(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetRoot();
        foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Kit" }, Name.Identifier.Text: "Print" or "Text" }
                || call.ArgumentList.Arguments.Count != 1)
                continue;
            var template = new StringBuilder();
            int values = 0;
            yield return new Call(call.ToString(), Build(call.ArgumentList.Arguments[0].Expression, template, ref values) ? template.ToString() : null);
        }
    }

    static bool Build(ExpressionSyntax expression, StringBuilder template, ref int values)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal:
                template.Append(Escape(literal.Token.ValueText));
                return true;
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var part in interpolated.Contents)
                    if (part is InterpolatedStringTextSyntax text) template.Append(Escape(text.TextToken.ValueText));
                    else if (part is InterpolationSyntax hole)
                    {
                        template.Append('{').Append(values++);
                        if (hole.AlignmentClause is { } alignment) template.Append(',').Append(alignment.Value.ToString().Replace(" ", ""));
                        if (hole.FormatClause is { } format) template.Append(':').Append(format.FormatStringToken.ValueText);
                        template.Append('}');
                    }
                return true;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } sum:
                return Interpolated(sum.Left) && Interpolated(sum.Right) &&
                       Build(sum.Left, template, ref values) && Build(sum.Right, template, ref values);
            case ParenthesizedExpressionSyntax parenthesized:
                return Build(parenthesized.Expression, template, ref values);
            default:
                return false;
        }
    }

    /// <summary>Whether C# turns <paramref name="expression"/> into the kit's line: interpolated strings and their sums.</summary>
    static bool Interpolated(ExpressionSyntax expression) => expression switch
    {
        InterpolatedStringExpressionSyntax => true,
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } sum => Interpolated(sum.Left) && Interpolated(sum.Right),
        ParenthesizedExpressionSyntax parenthesized => Interpolated(parenthesized.Expression),
        _ => false,
    };

    static string Escape(string text) => text.Replace("{", "{{").Replace("}", "}}");
}
