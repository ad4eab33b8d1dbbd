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
    private const string DbEnv = "--db-env", DbFile = "--db-file";

    private readonly Option<string> _db;
    private readonly Option<string> _dbEnv = OptionRules.Text(DbEnv, "Environment variable holding the --db connection string (keeps a password out of argv)");
    private readonly Option<string> _dbFile = OptionRules.Text(DbFile, "File holding the --db connection string (keeps a password out of argv)");

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
        if (parse.GetValue(_dbEnv) is { } variable) return FromEnvironment(variable);
        if (parse.GetValue(_dbFile) is { } path) return FromFile(path);
        return null;
    }

    /// <summary>How the database was named (what a resume may name again), or the run folder's own when none was.</summary>
    public DatabaseReference Reference(ParseResult parse)
    {
        if (parse.GetValue(_dbEnv) is { } variable) return new(DatabaseReference.EnvironmentVariable, variable);
        if (parse.GetValue(_dbFile) is { } path) return new(DatabaseReference.ConnectionFile, Path.GetFullPath(path));
        if (parse.GetValue(_db) is not null) return new(DatabaseReference.Inline, Resolve(parse)!.Describe().Location);
        return DatabaseReference.InRunFolder;
    }

    public bool Owns(Option option) => option == _db || option == _dbEnv || option == _dbFile;

    /// <exception cref="UsageException">The variable is unset or empty, or its value is not a database.</exception>
    public static DatabaseTarget FromEnvironment(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value)) throw new UsageException($"{DbEnv}: the environment variable {variable} is not set or empty");
        return DatabaseTarget.Parse(value, $"{DbEnv} {variable}");
    }

    /// <exception cref="UsageException">The file cannot be read or is empty, or its text is not a database.</exception>
    public static DatabaseTarget FromFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{DbFile} {path} cannot be read: {e.Message}");
        }

        return text.Length > 0 ? DatabaseTarget.Parse(text, $"{DbFile} {path}") : throw new UsageException($"{DbFile} {path} is empty");
    }

    private void OneAtMost(CommandResult command)
    {
        var given = new[] { _db, _dbEnv, _dbFile }.Where(option => command.GetResult(option) is { Implicit: false }).ToArray();
        if (given.Length > 1) command.AddError($"{string.Join(", ", given.Select(o => o.Name))}: give only one of them");
        else if (given.Length == 0 && Required) command.AddError($"{_db.Name}, {_dbEnv.Name} or {_dbFile.Name} is required");
    }
}
