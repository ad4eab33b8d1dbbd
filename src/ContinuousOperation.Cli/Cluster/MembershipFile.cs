using System.Text.Json;
using ContinuousOperation.Cli.Reporting;
using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Reporting;

namespace ContinuousOperation.Cli.Cluster;

/// <summary><c>membership.json</c> in the run folder: the members (launcher and nodes by name), the membership timeline
/// the launcher saw and what it did to the node processes, in the report's JSON naming. The run's report will take
/// these into its <c>cluster</c> section once the soak runs across the nodes.</summary>
internal sealed record MembershipFile(string Launcher, IReadOnlyDictionary<string, string> Nodes, MembershipTimeline Timeline, IReadOnlyList<NodeAction> NodeActions)
{
    public const string FileName = "membership.json";

    public void Write(string folder) =>
        AtomicFile.Write(Path.Combine(folder, FileName), JsonSerializer.SerializeToUtf8Bytes(this, ReportJson.Report));

    public static MembershipFile Read(string folder) =>
        JsonSerializer.Deserialize<MembershipFile>(File.ReadAllBytes(Path.Combine(folder, FileName)), ReportJson.Report)
        ?? throw new InvalidDataException($"{FileName} in {folder} is empty");
}
