using System.Text.Json;
using ContinuousOperation.Cli.Reporting;
using ContinuousOperation.Domain.Cluster;
using ContinuousOperation.Domain.Reporting;

namespace ContinuousOperation.Cli.Cluster;

/// <summary><c>membership.json</c> in the run folder: the members (name, address, role, latest pid), their membership
/// changes as the launcher's observer saw them, and what the launcher did to the node processes, in the report's JSON
/// naming. Until the soak runs across the nodes (and its report has its <c>cluster</c> section) this is where a
/// cluster run's history is kept.</summary>
internal sealed record MembershipFile(IReadOnlyList<ClusterNode> Members, IReadOnlyList<MembershipEvent> Membership, IReadOnlyList<NodeAction> NodeActions)
{
    public const string FileName = "membership.json";

    public void Write(string folder) =>
        AtomicFile.Write(Path.Combine(folder, FileName), JsonSerializer.SerializeToUtf8Bytes(this, ReportJson.Report));

    public static MembershipFile Read(string folder) =>
        JsonSerializer.Deserialize<MembershipFile>(File.ReadAllBytes(Path.Combine(folder, FileName)), ReportJson.Report)
        ?? throw new InvalidDataException($"{FileName} in {folder} is empty");
}
