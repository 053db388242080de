using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.UsageReports;

/// <summary>The rows of one report, or of one part of it, read and counted: the per-row work of a scan. Each row is
/// checked as it comes (its shape, its refresh date, then its fields left to right as the counting reads them), so
/// the fault reported is the first in the file. The hot path makes nothing per row: dates are compared as yyyyMMdd
/// integers, booleans read in ASCII, the refresh date compared as text with the first row's.</summary>
internal sealed partial class ReportPass
{
    private readonly IReportRows _rows;
    // The usual rows, called directly rather than through the interface: a large report's parts, or a report whole.
    private readonly Utf8CsvRows? _part;
    private readonly CsvReportRows? _csv;
    private readonly ReportColumns _columns;
    private readonly ReportKind _kind;
    private readonly System.Collections.Generic.IReadOnlyList<M365Service> _services;
    private readonly int _headerCount;
    private readonly DateTime _today;
    private readonly Action<UserRow>? _perUser;
    private readonly bool _sampleDomains;
    private readonly ServiceTally? _only;
    private readonly ServiceTally[] _perService;
    private char[]? _refreshText;
    private DateTime _refresh;
    private int _refreshKey;
    private int _windowStartKey;

    /// <param name="users">Where the row keys go; cleared first.</param>
    /// <param name="sampleDomains">Whether the rows are the report's first; a later part keeps its first rows'
    /// domains apart (<see cref="LaterDomains"/>), for they count only if they are among the report's first rows.</param>
    public ReportPass(IReportRows rows, ReportDefinition definition, DateTime today, UsersSeen users, Action<UserRow>? perUser, bool sampleDomains)
    {
        _columns = new ReportColumns(rows, definition);
        _rows = rows;
        _part = rows as Utf8CsvRows;
        _part?.PlaceUpTo(_columns.Last);
        _csv = rows as CsvReportRows;
        _kind = definition.Kind;
        _services = definition.Services;
        _headerCount = rows.Headers.Count;
        _today = today;
        _perUser = perUser;
        _sampleDomains = sampleDomains;
        Scan = new ReportScan(definition.Kind, rows.SourceName);
        foreach (var service in definition.Services) Scan.Tallies[service] = new ServiceTally();
        foreach (var app in _columns.Apps) Scan.AppActive[app.Field.App!] = 0;
        if (_kind == ReportKind.Office365ActivationsUserDetail)
        {
            Scan.Tallies[M365Service.Microsoft365Apps] = new ServiceTally();
            AppsUsers = new UsersSeen();
            AppsProducts = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        }
        if (definition.Services.Count == 1) _only = Scan.Tallies[definition.Services[0]];
        _perService = Array.ConvertAll(_columns.PerService, s => Scan.Tallies[s.Service]);
        Users = users;
        users.Clear();
    }

    public ReportScan Scan { get; }
    public IReportRows Rows => _rows;
    public ReportColumns Columns => _columns;
    /// <summary>The live, named users (with the product, for the activations report), to find one listed twice.</summary>
    public UsersSeen Users { get; }
    /// <summary>A later part's sampled domains, with the part's row of each.</summary>
    public System.Collections.Generic.List<(int Row, string Domain)>? LaterDomains { get; private set; }
    /// <summary>The activations report's Microsoft 365 Apps users, to count each once; null for the other reports.</summary>
    public UsersSeen? AppsUsers { get; }
    /// <summary>The Microsoft 365 Apps products the activations report's rows name; null for the other reports.</summary>
    public System.Collections.Generic.HashSet<string>? AppsProducts { get; }

    /// <summary>The activations report's Apps users, each once, from its rows' tables (its parts', or the whole
    /// report's) and the Apps products they name. Once no user is listed twice with one product (which refuses the
    /// report), a user can be in two Apps rows only with two Apps products: with one product named, every row is a
    /// user of its own, counted without a search over every user for repeats (bench/README.md, issue 18).</summary>
    /// <param name="repeats">The search for users in two Apps rows, done only when needed.</param>
    public static long DistinctAppsUsers(System.Collections.Generic.IReadOnlyList<UsersSeen> tables, int appsProducts, Func<long> repeats) =>
        tables.Sum(t => (long)t.Count) - (appsProducts <= 1 ? 0 : repeats());

    [MethodImpl(HotPath.Optimized)]
    public void Run(Action<long>? bytesRead, CancellationToken cancellationToken)
    {
        var scan = Scan;
        while (_part is { } part ? part.Read() : _csv is { } csv ? csv.Read() : _rows.Read())
        {
            if ((scan.Rows & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bytesRead?.Invoke(_rows.BytesRead);
            }
            if ((_part is { } p ? p.FieldCount : _csv is { } c ? c.FieldCount : _rows.FieldCount) != _headerCount) throw ReportScanner.FieldCount(_rows);
            scan.Rows++;
            CheckRefresh();
            var key = Identify(out var appsUser, out var isApps);
            if (_columns.TenantName >= 0 && scan.TenantDisplayName is null) scan.TenantDisplayName = _rows.Get(_columns.TenantName);
            if (IsDeleted())
            {
                Deleted();
                continue;
            }
            // A live user once per report. A deleted user may share a live one's name (deleted, then created
            // again); concealed names cannot be told apart by design.
            if (key != 0) Users.Add(key, Row);
            Count(appsUser, isApps);
        }
        bytesRead?.Invoke(_rows.BytesRead);
    }

    private long Row
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _part is { } part ? part.Row : _csv is { } csv ? csv.Row : _rows.Row;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<char> Span(int ordinal) => _part is { } part ? part.Span(ordinal) : _csv is { } csv ? csv.Span(ordinal) : _rows.Span(ordinal);

    /// <summary>The row's refresh date: the first row's, once it is plausible, and the same on every row after it.
    /// The same text as the first row's is the same day, unread.</summary>
    [MethodImpl(HotPath.Optimized)]
    private void CheckRefresh()
    {
        if (_refreshText is { } first && ReportValues.Same(Span(_columns.Refresh), first)) return;
        var refresh = Date(_columns.Refresh, ReportDefinition.RefreshDate)
            ?? throw ReportErrors.ReportDateInvalid(_rows.SourceName, _rows.Where(_rows.Row), ReportDefinition.RefreshDate, "is empty; every row of a report has its refresh date").ToException();
        if (Scan.RefreshDate is null)
        {
            Scan.RefreshDate = _refresh = ReportScanner.Plausible(_rows, refresh, _today);
            _refreshKey = ReportValues.DayKey(refresh);
            _windowStartKey = ReportValues.DayKey(refresh.AddDays(1 - ReportScanner.WindowDays));
            _refreshText = Span(_columns.Refresh).ToArray();
        }
        else if (Scan.RefreshDate != refresh)
        {
            throw ReportErrors.ReportsMixed(_rows.SourceName,
                $"'{_rows.SourceName}' mixes refresh dates {Scan.RefreshDate:yyyy-MM-dd} and {refresh:yyyy-MM-dd} ({_rows.LineName(_rows.Row)})").ToException();
        }
    }

    // The activations report's product, kept from row to row: a report has a handful of products, so its rows
    // make no string each (and the product is read before the name: a field's span lasts until the next is read).
    private string _product = "";
    private bool _productIsApps;
    private ulong _productPart; // the product's share of the row's key, hashed once a product

    /// <summary>The row's user, hashed once: the key that finds a user listed twice, and for the activations report
    /// the user apart from the product. The activations report lists a user once per product: its key is the pair,
    /// and its Apps licences count users, not rows.</summary>
    [MethodImpl(HotPath.Optimized)]
    private ulong Identify(out ulong appsUser, out bool isApps)
    {
        var activations = AppsUsers is not null;
        if (activations)
        {
            var product = Span(_columns.ProductType);
            if (!ReportValues.Same(product, _product.AsSpan()))
            {
                _product = product.ToString();
                _productIsApps = _product.IndexOf("365 APPS", StringComparison.OrdinalIgnoreCase) >= 0 || _product.IndexOf("PROPLUS", StringComparison.OrdinalIgnoreCase) >= 0;
                _productPart = UsersSeen.UserPart(_product.AsSpan());
                if (_productIsApps) AppsProducts!.Add(_product);
            }
        }
        isApps = activations && _productIsApps;
        var upn = Span(_columns.Upn);
        var concealed = ReportValues.IsConcealed(upn);
        if (concealed) Scan.ConcealedNames = true;
        if (!concealed && Scan.Rows <= ReportScan.DomainSample && ReportScan.DomainOf(upn) is { } domain)
        {
            if (_sampleDomains) Scan.SeeDomain(domain);
            else (LaterDomains ??= new()).Add(((int)Scan.Rows, domain));
        }
        if (upn.IsEmpty)
        {
            appsUser = 0;
            return 0;
        }
        var user = UsersSeen.UserPart(upn);
        appsUser = activations && !ReportValues.Same(upn, "(Unknown)".AsSpan()) ? UsersSeen.Hash(user, default) : 0;
        return concealed ? 0 : activations ? UsersSeen.Pair(user, _productPart) : UsersSeen.Hash(user, default);
    }

    [MethodImpl(HotPath.Optimized)]
    private bool IsDeleted()
    {
        if (_columns.IsDeleted >= 0) return Bool(_columns.IsDeleted, ReportDefinition.IsDeleted) == 1;
        if (_columns.UserState >= 0) return Span(_columns.UserState) is { Length: 7 } state && state.Equals("deleted".AsSpan(), StringComparison.OrdinalIgnoreCase);
        return false;
    }

    /// <summary>A deleted user counts for nothing, but is a row of people when people are wanted.</summary>
    private void Deleted()
    {
        Scan.DeletedRows++;
        if (_perUser is null || _kind == ReportKind.Office365ActivationsUserDetail) return;
        var deleted = _rows.Get(_columns.Upn) ?? "";
        foreach (var service in _services) _perUser(new UserRow(service, deleted, false, null, false, true, _refresh));
    }
}
