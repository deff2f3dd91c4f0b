using System.CommandLine;

namespace Decisioning.Host.Cli;

/// <summary>
/// Says in a few lines why a command line did not parse: an unknown command with the nearest command names, an option
/// given to a command it does not belong to with the commands it does, then the parser's other errors once each.
/// </summary>
public static class ParseErrorReport
{
    /// <summary>The lines to print on standard error, ending with where to find help.</summary>
    public static IReadOnlyList<string> Lines(ParseResult result, CliSymbols symbols)
    {
        var lines = new List<string>();
        var explained = new HashSet<string>(StringComparer.Ordinal);
        var command = result.CommandResult.Command;
        var unmatched = result.UnmatchedTokens;
        if (command is RootCommand && unmatched.Count > 0 && !unmatched[0].StartsWith('-'))
        {
            var word = unmatched[0];
            var near = Nearest(word, command.Subcommands.Select(c => c.Name));
            lines.Add(near.Count > 0 ? $"'{word}' is not a command. Did you mean {string.Join(" or ", near)}?" : $"'{word}' is not a command.");
            explained.Add(word);
        }
        foreach (var token in unmatched)
        {
            if (symbols.All.FirstOrDefault(o => o.Name == token) is { } misplaced)
            {
                var owners = misplaced.Parents.OfType<Command>().Select(Path);
                lines.Add($"{token} does not apply to {Path(command)}; it is an option of: {string.Join(", ", owners)}.");
                explained.Add(token);
            }
            else if (token.StartsWith("--", StringComparison.Ordinal) && Nearest(token, command.Options.Select(o => o.Name)) is [_, ..] near)
            {
                lines.Add($"{token} is not an option of {Path(command)}. Did you mean {string.Join(" or ", near)}?");
                explained.Add(token);
            }
        }
        foreach (var error in result.Errors)
        {
            var isExplained = explained.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal))
                || (explained.Count > 0 && command is RootCommand && error.SymbolResult?.Tokens.Count is null or 0 && !error.Message.Contains('\''));
            if (!isExplained && !lines.Contains(error.Message))
            {
                lines.Add(error.Message);
            }
        }
        lines.Add($"Run '{Path(command)} --help' for the commands and options.");
        return lines;
    }

    private static string Path(Command command) => command is RootCommand
        ? "decisioning"
        : Path(command.Parents.OfType<Command>().First()) + " " + command.Name;

    private static List<string> Nearest(string word, IEnumerable<string> names) =>
        names.Select(n => (Name: n, Distance: Distance(word, n)))
            .Where(c => c.Distance <= Math.Max(2, word.Length / 3) || c.Name.StartsWith(word, StringComparison.Ordinal))
            .OrderBy(c => c.Distance).Select(c => $"'{c.Name}'").ToList();

    /// <summary>Levenshtein distance: how many single-letter edits turn one word into the other.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
