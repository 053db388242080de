using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FastTrack.Core.AdoptionReports;

/// <summary>One worksheet being filled row by row: text as inline strings (never a formula, whatever it starts
/// with), numbers and dates as numbers with their style, and the widths its columns need.</summary>
internal sealed class ExcelSheet
{
    private readonly SheetData _data = new();
    private readonly Dictionary<int, int> _widths = new();
    private uint _row;

    public ExcelSheet(string name) => Name = name;

    public string Name { get; }
    public uint Rows => _row;
    public SheetData Data => _data;

    /// <summary>Column widths that fit the longest value (within reason), in Excel's character units.</summary>
    public Columns? Columns() => _widths.Count == 0 ? null : new Columns(_widths.OrderBy(w => w.Key).Select(w =>
        new Column { Min = (uint)w.Key, Max = (uint)w.Key, Width = Math.Min(80, Math.Max(8, w.Value + 2)), CustomWidth = true }));

    public void Title(string text) => Add(ExcelStyles.Title, text);

    public void Header(params string[] headings) => Add(ExcelStyles.Header, headings.Cast<object?>().ToArray());

    public void Values(params object?[] values) => Add(ExcelStyles.Plain, values);

    public void Blank() => _row++;

    private void Add(uint textStyle, params object?[] values)
    {
        _row++;
        var row = new Row { RowIndex = _row };
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null) continue;
            row.Append(Cell(i + 1, values[i]!, textStyle));
        }
        _data.Append(row);
    }

    private Cell Cell(int column, object value, uint textStyle)
    {
        var reference = ColumnName(column) + _row.ToString(CultureInfo.InvariantCulture);
        switch (value)
        {
            case DateTime date:
                Widen(column, 10);
                return new Cell { CellReference = reference, StyleIndex = ExcelStyles.Date, CellValue = new CellValue(date.ToOADate().ToString(CultureInfo.InvariantCulture)) };
            case double or int or long or decimal:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                Widen(column, 8);
                return new Cell { CellReference = reference, StyleIndex = value is double ? ExcelStyles.Decimal : ExcelStyles.Plain, CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture)) };
            case bool flag:
                Widen(column, 5);
                return new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") };
            default:
                var text = XmlSafe(value.ToString() ?? "");
                Widen(column, text.Length);
                return new Cell { CellReference = reference, StyleIndex = textStyle, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }) };
        }
    }

    private void Widen(int column, int length) => _widths[column] = Math.Max(_widths.TryGetValue(column, out var w) ? w : 0, length);

    /// <summary>A, B, ..., Z, AA, ...</summary>
    public static string ColumnName(int column)
    {
        var name = new StringBuilder();
        for (var n = column; n > 0; n = (n - 1) / 26) name.Insert(0, (char)('A' + (n - 1) % 26));
        return name.ToString();
    }

    // A plan's text may hold characters XML cannot carry (a control character pasted from somewhere): dropped,
    // rather than writing a file Excel refuses to open.
    private static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (System.Xml.XmlConvert.IsXmlChar(text[i])) safe.Append(text[i]);
            else if (i + 1 < text.Length && System.Xml.XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) safe.Append(text, i++, 2);
        }
        return safe.ToString();
    }
}
