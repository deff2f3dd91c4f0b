using System.Text;

namespace Decisioning.Tests.Hostile;

/// <summary>
/// Generates rule expressions from a seeded random source: mostly well-formed C#-like expressions over the application
/// and facts, mixed with what a slip or an attacker types (unbalanced or very deep brackets, long operator chains,
/// huge sizes, methods and types off the allow-list, random characters).
/// </summary>
internal sealed class ExpressionFuzzer(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Atoms =
    [
        "a.Company.Employees", "a.Company.Region", "a.Company.FoundedOn", "f.AgeYears", "f.Activity.Share", "minEmployees",
        "minAgeYears", "1", "0", "-1", "2147483647", "0.5m", "79228162514264337593543950335m", "\"x\"", "\"\"", "true", "false",
        "null", "a.Project.Milestones", "a.Project.TotalCostDkk", "a.Assessment", "it", "decimal.MaxValue", "int.MinValue",
    ];

    private static readonly string[] Binary = [" + ", " - ", " * ", " / ", " % ", " == ", " != ", " < ", " >= ", " && ", " || ", " ?? "];

    private static readonly string[] Calls =
    [
        ".PadLeft({n})", ".PadRight({n}, 'y')", ".Substring({n})", ".Length", ".Count()", ".Any(m => {x})", ".Select(m => {x})",
        ".Where(m => {x})", ".Sum(m => {x})", ".ToString()", ".ToString(\"D{n}\")", ".Replace(\"a\", {x})", ".SelectMany(m => {x})",
        ".GetType()", ".Contains({x})", ".AtLeast(\"engaged\")", ".Max()", ".OrderBy(m => {x})", ".Trim()", ".ToUpperInvariant()",
    ];

    private static readonly string[] Wrappers =
    [
        "Math.Max({x}, {y})", "Math.Pow({x}, {y})", "Enumerable.Range(0, {n})", "Enumerable.Repeat({x}, {n})", "({x} ? {y} : {x})",
        "typeof({x})", "string('x', {n})", "Convert.ToInt32({x})", "System.IO.File.Exists({x})", "np({x})", "iif({x}, {y}, {x})",
        "f.SumGrants({x}, {y}, true)", "f.HeadCountYearsBeforeLatest({n})", "new[] {{ {x}, {y} }}",
    ];

    private static readonly int[] Sizes = [0, 1, 3, 10, 999, 1000, 1001, 10000, 10001, 1000000000, 2147483647, -5];

    /// <summary>The next expression: a third as generated, two thirds made boolean so more of them compile and run.</summary>
    public string Next()
    {
        var e = _random.Next(8) switch
        {
            0 => Deep(),
            1 => Chain(),
            2 => Noise(),
            _ => Expr(4),
        };
        return _random.Next(3) switch
        {
            0 => e,
            1 => $"({e}).ToString().Length > 0",
            _ => $"({e}) != null",
        };
    }

    private string Expr(int depth)
    {
        if (depth <= 0)
        {
            return Pick(Atoms);
        }
        return _random.Next(6) switch
        {
            0 => Expr(depth - 1) + Pick(Binary) + Expr(depth - 1),
            1 => Expr(depth - 1) + Fill(Pick(Calls), depth),
            2 => Fill(Pick(Wrappers), depth),
            3 => "!" + Expr(depth - 1),
            4 => "(" + Expr(depth - 1) + ")",
            _ => Pick(Atoms),
        };
    }

    private string Fill(string template, int depth) => template
        .Replace("{x}", Expr(depth - 2))
        .Replace("{y}", Expr(depth - 2))
        .Replace("{n}", Sizes[_random.Next(Sizes.Length)].ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Brackets or negations nested somewhere between harmless and far past every limit.</summary>
    private string Deep()
    {
        var n = new[] { 10, 31, 32, 33, 200, 1999, 5000, 30000 }[_random.Next(8)];
        var open = _random.Next(3) switch { 0 => "(", 1 => "!", _ => "-(" };
        var close = open == "(" ? ")" : open == "-(" ? ")" : "";
        var unbalanced = _random.Next(4) == 0 ? 1 : 0;
        return Repeat(open, n) + Pick(Atoms) + Repeat(close, Math.Max(0, n - unbalanced));
    }

    /// <summary>A long chain of one operator.</summary>
    private string Chain()
    {
        var n = new[] { 50, 199, 201, 1000, 3000 }[_random.Next(5)];
        var op = Pick(Binary);
        var sb = new StringBuilder(Pick(Atoms));
        for (var i = 0; i < n; i++)
        {
            sb.Append(op).Append(Pick(Atoms));
        }
        return sb.ToString();
    }

    /// <summary>Random characters from those that mean something to the parser.</summary>
    private string Noise()
    {
        const string chars = "()[]{}.,;:!?=<>+-*/%&|^~'\"\\@#$ aAfm0123456789_\n\t";
        var sb = new StringBuilder();
        var n = _random.Next(1, 200);
        for (var i = 0; i < n; i++)
        {
            sb.Append(chars[_random.Next(chars.Length)]);
        }
        return sb.ToString();
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();
}
