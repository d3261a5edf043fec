using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lessons.Editions;

/// <summary>
/// A code cell as an edition in another language must keep it: its code, read with Roslyn (as a script, the way the
/// notebook kernel reads it), with what a translator may change masked. A translated notebook translates its own
/// strings: the contents of string literals, and the text around the holes of an interpolated string (where the text
/// goes, and how each value is formatted: <c>$"{gate} gate: mean {mean:F2}"</c> may become <c>$"{gate} kapısı: ortalama
/// {mean:F2}"</c>). The holes' values stay, in the same order, as does everything else, comments included.
/// </summary>
public static class EditionCode
{
    static readonly CSharpParseOptions Script = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    /// <summary>
    /// <paramref name="code"/> with every string literal written <c>"…"</c> and every interpolated string written
    /// <c>$"{value,alignment}…"</c> (its holes without their text and formats): two cells that differ only in what a
    /// translator changes mask to the same text.
    /// </summary>
    public static string Masked(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, Script).GetRoot();
        return Masked(root);
    }

    /// <summary>
    /// The strings of <paramref name="code"/> a translator would translate, as they are written in it
    /// (<c>$"epoch {epoch}: test accuracy {accuracy:P1}"</c>): those whose text has a word in it.
    /// </summary>
    public static IReadOnlyList<string> Strings(string code) =>
        [.. Outermost(CSharpSyntaxTree.ParseText(code, Script).GetRoot())
            .SelectMany(node => node.DescendantNodesAndSelf().Where(IsString))
            .Where(node => HasWord(Text(node)))
            .Select(node => node.ToString())
            .Distinct(StringComparer.Ordinal)];

    static string Masked(SyntaxNode node)
    {
        var text = new StringBuilder();
        int start = node.FullSpan.Start;
        string full = node.ToFullString();
        int at = 0;
        foreach (var inner in Outermost(node))
        {
            text.Append(full, at, inner.Span.Start - start - at);
            text.Append(inner switch
            {
                InterpolatedStringExpressionSyntax interpolated => "$\"" + string.Concat(interpolated.Contents
                    .OfType<InterpolationSyntax>()
                    .Select(hole => "{" + Masked(hole.Expression) + (hole.AlignmentClause is { } a ? Masked(a) : "") + "}")) + "\"",
                _ => "\"…\"",
            });
            at = inner.Span.End - start;
        }
        return text.Append(full, at, full.Length - at).ToString();
    }

    /// <summary>The strings in <paramref name="node"/> (itself, or within it) that are not inside another string.</summary>
    static IEnumerable<SyntaxNode> Outermost(SyntaxNode node)
    {
        if (IsString(node))
        {
            yield return node;
            yield break;
        }
        foreach (var child in node.ChildNodes())
            foreach (var inner in Outermost(child)) yield return inner;
    }

    static bool IsString(SyntaxNode node) =>
        node is InterpolatedStringExpressionSyntax ||
        node is LiteralExpressionSyntax literal && literal.Kind() is SyntaxKind.StringLiteralExpression or SyntaxKind.Utf8StringLiteralExpression;

    /// <summary>What a string says, without the values of its holes.</summary>
    static string Text(SyntaxNode node) => node is InterpolatedStringExpressionSyntax interpolated
        ? string.Concat(interpolated.Contents.OfType<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText))
        : ((LiteralExpressionSyntax)node).Token.ValueText;

    static bool HasWord(string text)
    {
        for (int i = 1; i < text.Length; i++)
            if (char.IsLetter(text[i - 1]) && char.IsLetter(text[i])) return true;
        return false;
    }
}
