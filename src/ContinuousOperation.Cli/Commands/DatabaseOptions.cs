using System.CommandLine;
using System.CommandLine.Parsing;
using ContinuousOperation.Cli.Database;

namespace ContinuousOperation.Cli.Commands;

/// <summary>
/// The journal database, named in one of three ways: <c>--db CONNECTION</c>, or, so that a password is not in argv
/// (where <c>ps</c> shows it to every user), <c>--db-env NAME</c> (an environment variable holds it) or
/// <c>--db-file PATH</c> (a file holds it). At most one of them; <see cref="Required"/> for verbs that need one.
/// </summary>
internal sealed class DatabaseOptions
{
    private readonly Option<string> _db;
    private readonly Option<string> _dbEnv = OptionRules.Text("--db-env", "Environment variable holding the --db connection string (keeps a password out of argv)");
    private readonly Option<string> _dbFile = OptionRules.Text("--db-file", "File holding the --db connection string (keeps a password out of argv)");

    public DatabaseOptions(string description)
    {
        _db = OptionRules.Text("--db", description);
        _dbEnv.HelpName = "NAME";
        _dbFile.HelpName = "PATH";
    }

    public bool Required { get; init; }

    public void AddTo(Command command)
    {
        command.Options.Add(_db);
        command.Options.Add(_dbEnv);
        command.Options.Add(_dbFile);
        command.Validators.Add(OneAtMost);
    }

    /// <summary>The database named on the command line, or null when none is (the verb's default applies).</summary>
    /// <exception cref="UsageException">The variable is unset, the file unreadable, or the text not a database.</exception>
    public DatabaseTarget? Resolve(ParseResult parse)
    {
        if (parse.GetValue(_db) is { } text) return DatabaseTarget.Parse(text, _db.Name);
        if (parse.GetValue(_dbEnv) is { } variable)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(value)) throw new UsageException($"{_dbEnv.Name}: the environment variable {variable} is not set or empty");
            return DatabaseTarget.Parse(value, $"{_dbEnv.Name} {variable}");
        }

        if (parse.GetValue(_dbFile) is { } path) return DatabaseTarget.Parse(ReadFile(path), $"{_dbFile.Name} {path}");
        return null;
    }

    private string ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{_dbFile.Name} {path} cannot be read: {e.Message}");
        }

        return text.Length > 0 ? text : throw new UsageException($"{_dbFile.Name} {path} is empty");
    }

    private void OneAtMost(CommandResult command)
    {
        var given = new[] { _db, _dbEnv, _dbFile }.Where(option => command.GetResult(option) is { Implicit: false }).ToArray();
        if (given.Length > 1) command.AddError($"{string.Join(", ", given.Select(o => o.Name))}: give only one of them");
        else if (given.Length == 0 && Required) command.AddError($"{_db.Name}, {_dbEnv.Name} or {_dbFile.Name} is required");
    }
}
