using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FastTrack.Core.AdoptionReports;

/// <summary>The adoption report as an Excel workbook: the portfolio sheet (ranked by risk), a sheet per customer
/// and a flat "Data" sheet, one row per AU measurement, held as an Excel table (FtUsage) that Power BI and pivot
/// tables read as it is. Written with the Open XML SDK: no Excel needed, nothing evaluated.</summary>
public static partial class ExcelAdoptionReport
{
    public const string DataTable = "FtUsage";

    public static void Write(AdoptionReport report, Stream output)
    {
        // The package format reads back what it writes: a write-only stream (a file being written atomically)
        // gets the workbook built in memory first; workbooks are small.
        if (!output.CanRead || !output.CanSeek)
        {
            using var buffer = new MemoryStream();
            Write(report, buffer);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }
        var names = new SheetNames();
        var sheets = new List<ExcelSheet> { Portfolio(report, names.Unique("Portfolio")) };
        sheets.AddRange(report.Customers.Select(s => Customer(s, names.Unique(s.Plan.Customer))));
        var data = Data(report, names.Unique("Data"));
        sheets.Add(data);

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = ExcelStyles.Create();
        var list = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var worksheet = new Worksheet();
            if (sheet.Columns() is { } columns) worksheet.Append(columns);
            worksheet.Append(sheet.Data);
            part.Worksheet = worksheet;
            if (ReferenceEquals(sheet, data) && data.Rows > 1) AddTable(part, data);
            list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }
        workbook.Workbook.Save();
    }

    // The Data sheet as an Excel table: typed columns with a filter, found by name (FtUsage) by Power BI.
    private static void AddTable(WorksheetPart part, ExcelSheet data)
    {
        var reference = $"A1:{ExcelSheet.ColumnName(DataColumns.Length)}{data.Rows}";
        var table = new Table
        {
            Id = 1, Name = DataTable, DisplayName = DataTable, Reference = reference, TotalsRowShown = false,
            AutoFilter = new AutoFilter { Reference = reference },
            TableColumns = new TableColumns(DataColumns.Select((name, i) => new TableColumn { Id = (uint)(i + 1), Name = name })) { Count = (uint)DataColumns.Length },
            TableStyleInfo = new TableStyleInfo { Name = "TableStyleMedium2", ShowRowStripes = true },
        };
        var tablePart = part.AddNewPart<TableDefinitionPart>();
        tablePart.Table = table;
        part.Worksheet.Append(new TableParts(new TablePart { Id = part.GetIdOfPart(tablePart) }) { Count = 1 });
    }

    /// <summary>Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], not quoted at an end, unique
    /// regardless of case.</summary>
    private sealed class SheetNames
    {
        private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

        public string Unique(string wanted)
        {
            var clean = new string(wanted.Where(c => ":\\/?*[]".IndexOf(c) < 0 && !char.IsControl(c)).ToArray()).Trim().Trim('\'');
            if (clean.Length == 0) clean = "Customer";
            if (clean.Length > 31) clean = clean.Substring(0, 31);
            var name = clean;
            for (var n = 2; !_used.Add(name) || name.Equals("History", StringComparison.OrdinalIgnoreCase); n++)
            {
                var suffix = $" ({n})";
                name = (clean.Length + suffix.Length > 31 ? clean.Substring(0, 31 - suffix.Length) : clean) + suffix;
            }
            return name;
        }
    }
}
