using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgriLink.Web.Tests.Localization;

/// <summary>
/// Every refusal text the product's sources can give, read from the sources themselves (syntax only): the codes of
/// <c>RuleViolationException</c>s (literals, string constants, and the <c>{resource}.exists</c> of
/// <c>Guard.NotYetRegistered</c>), and the field messages given to a <c>Validator</c>, to
/// <c>ValidationFailedException.For</c> or to the search API's <c>Invalid</c>. A message's interpolation holes become
/// <c>{0}</c>, <c>{1}</c>… as <c>ProblemTexts.Template</c> numbers the values of a message at run time, so the key a
/// test looks up is the key a page looks up.
/// </summary>
public static class RefusalSources
{
    /// <param name="Text">The code, field, message template, or a hole's expression.</param>
    /// <param name="Where">File and line.</param>
    /// <param name="Exact">A message written without holes, as written (its own entry may word it).</param>
    public sealed record Found(string Text, string Where, string? Exact = null);

    private sealed record Sources(Found[] Codes, Found[] Messages, Found[] Fields, Found[] BareHoles);

    private static readonly Lazy<Sources> All = new(Read);

    public static IReadOnlyList<Found> RuleCodes => All.Value.Codes;

    public static IReadOnlyList<Found> FieldMessages => All.Value.Messages;

    /// <summary>The fields those messages are given for, where the source names them by a literal ("memberId").</summary>
    public static IReadOnlyList<Found> Fields => All.Value.Fields;

    /// <summary>
    /// Holes of messages that are neither quoted ('{id}') nor formatted ({on:yyyy-MM-dd}): each must give one number
    /// or amount at run time, or the message's template is never found.
    /// </summary>
    public static IReadOnlyList<Found> BareHoles => All.Value.BareHoles;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AgriLink.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"No AgriLink.sln above {AppContext.BaseDirectory}.");
    }

    private static Sources Read()
    {
        var root = RepositoryRoot();
        var files = new[] { "src", "web" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), Root: CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetRoot()))
            .ToList();
        var everywhere = Constants(files.Select(f => f.Root));

        var (codes, messages, fields, holes) = (new List<Found>(), new List<Found>(), new List<Found>(), new List<Found>());
        foreach (var (path, file) in files)
        {
            // A constant named at a throw is the file's own (Resource = "household") before any other file's.
            var own = Constants([file]);
            string[] Values(ExpressionSyntax e) => e switch
            {
                LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => [literal.Token.ValueText],
                IdentifierNameSyntax or MemberAccessExpressionSyntax when (own.GetValueOrDefault(Name(e)) ?? everywhere.GetValueOrDefault(Name(e))) is { } v => v,
                _ => [],   // r.Code: a rethrow of a code found where it was first thrown
            };
            foreach (var node in file.DescendantNodes())
            {
                var where = $"{path}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
                switch (node)
                {
                    case ObjectCreationExpressionSyntax { ArgumentList.Arguments: [var code, ..] } creation when Name(creation.Type) is "RuleViolationException" or "AccessRefusedException":
                        codes.AddRange(Values(code.Expression).Select(c => new Found(c, where)));
                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "NotYetRegistered" } guard } invocation
                        when Name(guard.Expression) == "Guard" && invocation.ArgumentList.Arguments is [_, var resource, _]:
                        codes.AddRange(Values(resource.Expression).Select(r => new Found($"{r}.exists", where)));
                        break;
                    case InvocationExpressionSyntax invocation when Message(invocation) is var (field, message):
                        messages.Add(new Found(Template(message), where, (message as LiteralExpressionSyntax)?.Token.ValueText));
                        if (field is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } name)
                            fields.Add(new Found(name.Token.ValueText, where));
                        if (message is InterpolatedStringExpressionSyntax interpolated)
                            holes.AddRange(Bare(interpolated).Select(h => new Found(h.Expression.ToString(), where)));
                        break;
                }
            }
        }
        return new Sources(codes.ToArray(), messages.ToArray(), fields.ToArray(), holes.ToArray());
    }

    private static Dictionary<string, string[]> Constants(IEnumerable<SyntaxNode> roots) =>
        roots.SelectMany(r => r.DescendantNodes().OfType<FieldDeclarationSyntax>())
            .Where(d => d.Modifiers.Any(SyntaxKind.ConstKeyword))
            .SelectMany(d => d.Declaration.Variables)
            .Where(v => v.Initializer?.Value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression })
            .GroupBy(v => v.Identifier.Text)
            .ToDictionary(g => g.Key, g => g.Select(v => ((LiteralExpressionSyntax)v.Initializer!.Value).Token.ValueText).Distinct().ToArray());

    /// <summary>
    /// The field and message of <c>v.Check(ok, field, "message")</c>, <c>v.Add(field, "message")</c> (or <c>Add</c>
    /// inside the Validator itself), <c>ValidationFailedException.For(field, "message")</c> or <c>Invalid(v, field, "message")</c>.
    /// </summary>
    private static (ExpressionSyntax Field, ExpressionSyntax Message)? Message(InvocationExpressionSyntax invocation)
    {
        var (receiver, method) = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => (access.Expression, access.Name.Identifier.Text),
            IdentifierNameSyntax own when invocation.Ancestors().OfType<ClassDeclarationSyntax>().Any(c => c.Identifier.Text == "Validator") =>
                (null, own.Identifier.Text),
            SimpleNameSyntax { Identifier.Text: "Invalid" } helper => (null, helper.Identifier.Text),
            _ => ((ExpressionSyntax?)null, ""),
        };
        var args = invocation.ArgumentList.Arguments.Select(a => a.Expression).ToArray();
        return (method, args) switch
        {
            ("Check", [_, var field, var message]) when IsText(message) && (receiver is null || IsValidator(receiver)) => (field, message),
            ("Add", [var field, var message]) when IsText(message) && (receiver is null || IsValidator(receiver)) => (field, message),
            ("For", [var field, var message]) when receiver is not null && Name(receiver) == "ValidationFailedException" && IsText(message) => (field, message),
            ("Invalid", [_, var field, var message]) when receiver is null && IsText(message) => (field, message),
            _ => null,
        };
    }

    // A Validator: `v`/`validator`, a new Validator(), or a chain of its own checks.
    private static bool IsValidator(ExpressionSyntax receiver) => receiver switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "Check" or "Add" or "Text" or "Range" or "County" or "Region" or "CreditCode" or "Phone" } } => true,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } => IsValidator(inner.Expression),
        ObjectCreationExpressionSyntax { Type: var t } => Name(t) == "Validator",
        IdentifierNameSyntax { Identifier.Text: "v" or "validator" } => true,
        _ => false,
    };

    private static bool IsText(ExpressionSyntax e) =>
        e is InterpolatedStringExpressionSyntax or LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression };

    /// <summary>The message as a key: each interpolation hole becomes {0}, {1}…, and so does each value written in it.</summary>
    private static string Template(ExpressionSyntax message) => AgriLink.Web.Localization.ProblemTexts.Template(message switch
    {
        LiteralExpressionSyntax literal => literal.Token.ValueText,
        InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.Select(c => c switch
        {
            InterpolatedStringTextSyntax text => text.TextToken.ValueText,
            _ => "0",   // a hole: one value at run time (a number, amount, date, or a quoted id)
        })),
        _ => throw new InvalidOperationException(message.ToString()),
    });

    private static IEnumerable<InterpolationSyntax> Bare(InterpolatedStringExpressionSyntax message)
    {
        var parts = message.Contents.ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i] is not InterpolationSyntax hole || hole.FormatClause is not null) continue;
            var quoted = i > 0 && parts[i - 1] is InterpolatedStringTextSyntax before && before.TextToken.ValueText.EndsWith('\'')
                         && i + 1 < parts.Count && parts[i + 1] is InterpolatedStringTextSyntax after && after.TextToken.ValueText.StartsWith('\'');
            if (!quoted) yield return hole;
        }
    }

    private static string Name(SyntaxNode node) => node switch
    {
        IdentifierNameSyntax id => id.Identifier.Text,
        GenericNameSyntax generic => generic.Identifier.Text,
        QualifiedNameSyntax q => q.Right.Identifier.Text,
        MemberAccessExpressionSyntax m => m.Name.Identifier.Text,
        _ => node.ToString(),
    };
}
