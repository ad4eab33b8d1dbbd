using ContinuousOperation.Cli;
using ContinuousOperation.Cli.Gateway;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Soak.Tests.Wire;

public sealed class ApiKeyListTests
{
    private static string Place(int place) => $"entry #{place}";

    [Fact]
    public void Entries_map_keys_to_their_accounts()
    {
        var keys = ApiKeyList.Parse(["k1=trader-alice", " k2 = trader-bob "], Place);

        Assert.Equal(new Dictionary<string, AccountId> { ["k1"] = new("trader-alice"), ["k2"] = new("trader-bob") }, keys);
    }

    [Theory]
    [InlineData("no-separator")]
    [InlineData("=trader-alice")]
    [InlineData("k1=")]
    [InlineData("bad key=trader-alice")]
    [InlineData("k1=alice")]
    public void A_bad_entry_is_named_by_its_place_never_by_its_text(string entry)
    {
        var error = Assert.Throws<UsageException>(() => ApiKeyList.Parse(["ok=trader-x", entry], Place));

        Assert.StartsWith("entry #2:", error.Message);
        var key = entry.Split('=')[0];
        if (key.Length > 0) Assert.DoesNotContain(key, error.Message);
    }

    [Fact]
    public void A_key_given_twice_is_refused()
    {
        var error = Assert.Throws<UsageException>(() => ApiKeyList.Parse(["k=trader-a", "k=trader-b"], Place));

        Assert.Equal("entry #2: this key was already given", error.Message);
    }

    [Fact]
    public void A_keys_file_skips_blank_lines_and_comments_and_names_bad_lines_by_number()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["# bots", "", "k1=trader-alice", "broken"]);

            var error = Assert.Throws<UsageException>(() => ApiKeyList.ReadFile(file));
            Assert.StartsWith($"--api-keys-file {file} line 4:", error.Message);

            File.WriteAllLines(file, ["# bots", "", "k1=trader-alice"]);
            Assert.Equal(new AccountId("trader-alice"), ApiKeyList.ReadFile(file)["k1"]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
