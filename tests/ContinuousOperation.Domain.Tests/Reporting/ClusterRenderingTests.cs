using ContinuousOperation.Domain.Reporting;
using ContinuousOperation.Domain.Reporting.Charts;
using static ContinuousOperation.Domain.Tests.Reporting.ReportFixtures;

namespace ContinuousOperation.Domain.Tests.Reporting;

/// <summary>How the made-up three-node run of <see cref="ClusterFixtures"/> is drawn and written.</summary>
public sealed class ClusterRenderingTests
{
    private static readonly RunReport Cluster = ClusterFixtures.Report();

    private static ChartDefinition Chart(string name) => Assert.Single(RunCharts.Of(Cluster), c => c.Name == name);

    private static ChartSeries Series(ChartDefinition chart, string label) => Assert.Single(chart.Series, s => s.Label == label);

    [Fact]
    public void A_cluster_run_adds_the_membership_chart_and_per_node_resource_charts_and_a_single_node_run_does_not()
    {
        Assert.Equal(["memory", "cpu", "gc", "threads", "throughput", "errors", "latency", "cluster", "node-memory", "node-cpu"],
            RunCharts.Of(Cluster).Select(c => c.Name));
        Assert.DoesNotContain(RunCharts.Of(Passing()), c => c.Name.StartsWith("node-") || c.Name == "cluster");
    }

    [Fact]
    public void The_membership_chart_steps_members_up_down_when_a_node_is_lost_and_back_when_it_rejoins()
    {
        var up = Series(Chart("cluster"), "members up");

        Assert.True(up.OnRightAxis);
        // One point per change, plus one holding the level before each change after the first.
        var changes = up.X.Where((_, i) => i % 2 == 0).Zip(up.Y.Where((_, i) => i % 2 == 0), (x, y) => (Seconds: Math.Round(x * 60, 3), y));
        Assert.Equal(
            [(2.0, 0.0), (3, 0), (4, 0), (5, 1), (6, 2), (7, 3), (125, 2), (145, 2), (146, 2), (160, 2), (163, 3)],
            changes);
        Assert.All(Enumerable.Range(1, up.X.Count / 2), i => Assert.Equal(up.X[2 * i - 1], up.X[2 * i]));
    }

    [Fact]
    public void The_membership_chart_shows_the_entities_each_node_hosted_moving_off_the_lost_node()
    {
        var chart = Chart("cluster");

        // Its book, then its trader, then nothing from the moment it is downed.
        Assert.Equal([1.0, 2, 0], Series(chart, "node-2 entities").Y.Distinct());
        Assert.Equal(3, Series(chart, "node-1 entities").Y[^1]);
        Assert.Equal(3, Series(chart, "node-3 entities").Y[^1]);
    }

    [Fact]
    public void Per_node_charts_have_one_line_per_node_from_its_own_samples()
    {
        var memory = Chart("node-memory");

        Assert.Equal(["node-1", "node-2", "node-3"], memory.Series.Select(s => s.Label));
        Assert.Equal([200.0, 120], Series(memory, "node-2").Y.Distinct());
        Assert.Equal([20.0], Series(Chart("node-cpu"), "node-1").Y.Distinct());
    }

    [Fact]
    public void A_node_sample_taken_after_the_planned_end_is_left_out_of_the_node_charts()
    {
        var section = Cluster.Cluster!;
        var end = Cluster.DurationHours * 3600;
        var drain = section.Nodes[0].Resources[^1] with { ElapsedSeconds = end + 20, WorkingSetMb = 5000 };
        var node1 = section.Nodes[0] with { Resources = [.. section.Nodes[0].Resources, drain] };
        var report = Cluster with { Cluster = section with { Nodes = [node1, section.Nodes[1], section.Nodes[2]] } };

        var line = Series(Assert.Single(RunCharts.Of(report), c => c.Name == "node-memory"), "node-1");

        Assert.DoesNotContain(5000, line.Y);
        Assert.All(line.X, x => Assert.True(x * 60 <= end));
    }

    [Fact]
    public void A_node_line_is_broken_where_the_node_went_unsampled_for_more_than_twice_its_usual_interval()
    {
        var section = Cluster.Cluster!;
        var node2 = section.Nodes[1] with { Resources = section.Nodes[1].Resources.Where(r => r.ElapsedSeconds is < 100 or > 200).ToArray() };
        var report = Cluster with { Cluster = section with { Nodes = [section.Nodes[0], node2, section.Nodes[2]] } };

        var line = Series(Assert.Single(RunCharts.Of(report), c => c.Name == "node-memory"), "node-2");

        // Samples every 30 s, then none from 90 s to 210 s: one break, halfway.
        Assert.Equal([0.0, 0.5, 1, 1.5, 2.5, 3.5, 4, 4.5, 5], line.X);
        Assert.Equal([4], line.Y.Select((y, i) => (y, i)).Where(p => double.IsNaN(p.y)).Select(p => p.i));
        Assert.DoesNotContain(Series(Chart("node-memory"), "node-1").Y, double.IsNaN);
    }

    [Fact]
    public void The_html_page_has_a_cluster_section_with_nodes_membership_handoffs_and_node_faults()
    {
        var html = HtmlReport.Render(Cluster, []);

        Assert.Contains("<h2>Cluster (3 nodes)</h2>", html);
        Assert.Contains("<td>node-2</td><td>trading</td><td>akka.tcp://soak@127.0.0.1:4102</td><td class=\"number\">2002</td>", html);
        Assert.Contains("<td>node-2</td><td>rejoined</td>", html);
        Assert.Contains("<td>ETH-USDT</td><td>order_book</td><td>node-2</td><td>node-1</td>", html);
        Assert.Contains("<td>node-kill</td><td>node 2</td><td><span class=\"pass\">pass</span></td><td class=\"number\">36 s</td>", html);
        Assert.DoesNotContain("<h2>Cluster", HtmlReport.Render(Passing(), []));
    }

    [Fact]
    public void The_markdown_lists_nodes_membership_changes_and_node_faults()
    {
        var markdown = MarkdownSummary.Render(Cluster);

        Assert.Contains("### Cluster", markdown);
        Assert.Contains("| node-3 | trading | 1003 | 300 MB | 300 MB | 40 % |", markdown);
        Assert.Contains("2 shard handoff(s).", markdown);
        Assert.Contains("| 145 s | node-2 | downed |", markdown);
        Assert.Contains("| 160 s | node-2 | rejoined |", markdown);
        Assert.Contains("| ✅ | #2 node-kill | node 2 | 36 s | 60 s |", markdown);
        Assert.DoesNotContain("### Cluster", MarkdownSummary.Render(Passing()));
    }
}
