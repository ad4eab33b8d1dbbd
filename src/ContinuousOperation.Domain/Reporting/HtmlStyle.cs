namespace ContinuousOperation.Domain.Reporting;

/// <summary>The page's style sheet, inlined so the page needs nothing but itself to be read offline.</summary>
internal static class HtmlStyle
{
    public const string Css = """
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2430; margin: 0; background: #f5f6f8; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 18px; margin: 32px 0 12px; border-bottom: 1px solid #d8dce3; padding-bottom: 4px; }
        .context { color: #5a6474; margin: 0 0 20px; }
        .verdict { display: inline-block; padding: 2px 10px; border-radius: 4px; color: #fff; font-weight: 600; }
        .verdict.passed { background: #1f8a4c; } .verdict.failed { background: #c0392b; } .verdict.interrupted { background: #b7791f; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 12px; }
        .figure { background: #fff; border: 1px solid #d8dce3; border-radius: 6px; padding: 10px 14px; }
        .figure .label { color: #5a6474; font-size: 13px; } .figure .value { font-size: 20px; font-weight: 600; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border: 1px solid #d8dce3; padding: 6px 10px; text-align: left; vertical-align: top; }
        th { background: #eef0f4; } td.number { text-align: right; font-variant-numeric: tabular-nums; }
        .pass { color: #1f8a4c; font-weight: 600; } .fail { color: #c0392b; font-weight: 600; }
        .inconclusive { color: #6b5a00; background: #fff3c4; padding: 0 4px; border-radius: 3px; font-weight: 600; }
        .not-judged { color: #6b5a00; background: #fff3c4; border: 1px solid #e8d27a; border-radius: 4px; padding: 6px 10px; margin: 0 0 20px; }
        .charts { display: grid; grid-template-columns: 1fr; gap: 16px; }
        figure { margin: 0; background: #fff; border: 1px solid #d8dce3; border-radius: 6px; padding: 8px; }
        figure img { width: 100%; height: auto; display: block; }
        .ids { font-family: ui-monospace, monospace; font-size: 13px; color: #5a6474; }
        """;
}
