using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace FastTrack.Core.AdoptionReports;

/// <summary>A table of the report page: a header row of columns, then one row of cells per item.</summary>
internal sealed class HtmlTable
{
    private readonly IReadOnlyList<HtmlColumn> _columns;

    public HtmlTable(IEnumerable<HtmlColumn> columns) => _columns = columns.ToList();

    /// <summary>The table element's attributes as markup, each after a space (` class="chart-data"`).</summary>
    public string Attributes { get; set; } = "";

    /// <summary>The caption as markup; none when null.</summary>
    public string? Caption { get; set; }

    public void Write(StringBuilder w, IEnumerable<HtmlCell[]> rows)
    {
        w.Append("<table").Append(Attributes).Append('>');
        if (Caption is not null) w.Append("<caption>").Append(Caption).Append("</caption>");
        w.Append("<thead><tr>");
        foreach (var column in _columns)
            w.Append("<th scope=\"col\"").Append(column.IsNumber ? " class=\"num\"" : "").Append('>').Append(column.Heading).Append("</th>");
        w.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            w.Append("<tr>");
            for (var i = 0; i < row.Length; i++) WriteCell(w, _columns[i], row[i]);
            w.Append("</tr>");
        }
        w.Append("</tbody></table>");
    }

    private static void WriteCell(StringBuilder w, HtmlColumn column, HtmlCell cell)
    {
        if (column.HeadsRows)
        {
            w.Append("<th scope=\"row\">").Append(cell.Markup).Append("</th>");
            return;
        }
        w.Append("<td");
        if (column.IsNumber) w.Append(" class=\"num\"");
        if (cell.SortKey is { } key) w.Append(" data-sort=\"").Append(key).Append('"');
        w.Append('>').Append(cell.Markup).Append("</td>");
    }
}

/// <summary>A column of an <see cref="HtmlTable"/>: its heading as markup, whether it holds numbers (aligned
/// right, heading too), and whether its cells head their rows.</summary>
internal sealed class HtmlColumn
{
    public HtmlColumn(string heading, bool isNumber = false, bool headsRows = false)
    {
        Heading = heading;
        IsNumber = isNumber;
        HeadsRows = headsRows;
    }

    public string Heading { get; }
    public bool IsNumber { get; }
    public bool HeadsRows { get; }
}

/// <summary>A cell of an <see cref="HtmlTable"/>. A string becomes a cell only through <see cref="Text"/>,
/// encoded and isolated, so user text cannot reach a table as markup; the module's own markup (a number,
/// a date, a status badge, a link around encoded text) is passed as <see cref="Html"/>.</summary>
internal readonly struct HtmlCell
{
    private HtmlCell(string markup, string? sortKey)
    {
        Markup = markup;
        SortKey = sortKey;
    }

    public string Markup { get; }

    /// <summary>What the sort script orders the column by instead of the cell's text.</summary>
    public string? SortKey { get; }

    public static HtmlCell Text(string text) => new(HtmlText.E(text), null);

    public static HtmlCell Html(string markup, string? sortKey = null) => new(markup, sortKey);

    public static implicit operator HtmlCell(string text) => Text(text);
}
