using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Imports;
using PartyOrg.Web.Features.Members;

namespace PartyOrg.Web.Features.Shared.Exports;

/// <summary>A member as the import-format export reads it: the record, its cell's code and name, and the earlier (ended) cell's code.</summary>
public sealed record MemberFormatRow(Member Member, string CellCode, string CellName, string? EarlierCellCode)
{
    /// <summary>The row as the file carries it: the import format's columns, then the two read-only columns for people.</summary>
    public object?[] Cells() => [.. MemberImportFormat.Row(Member, CellCode, EarlierCellCode), CellName, Member.Status.Label()];
}

/// <summary>An organization as the import-format export reads it: the record, its parent's code and its successor's code.</summary>
public sealed record OrganizationFormatRow(Organization Organization, string? ParentCode, string? SuccessorCode)
{
    public object?[] Cells() => OrganizationImportFormat.Row(Organization, ParentCode, SuccessorCode);
}

/// <summary>
/// Exports of a subtree in the import formats (<see cref="MemberImportFormat"/>, <see cref="OrganizationImportFormat"/>), so
/// that a file exported imports back as is. Each is one streaming query (no tracking, read row by row as the file is written,
/// never capped by the pager): every value a row needs (the cell's code and name, the first placement's ended cell, the
/// parent's and the successor's codes) comes from the same SQL statement through a join or a correlated subquery.
/// </summary>
public sealed class FormatExports(AppDbContext db, MemberQueries members)
{
    public const string CellNameHeader = "Tên chi bộ";
    public const string StatusHeader = "Trạng thái";
    public const string MembersSheetName = "Danh sách đảng viên";
    public const string OrganizationsSheetName = "Danh sách tổ chức";

    /// <summary>An .xlsx sheet holds 1.048.576 rows; the heading and the header take the first four.</summary>
    public const int MaxXlsxRows = 1_048_576 - XlsxWorkbook.HeaderRow;

    /// <summary>An .xlsx export of more rows than a sheet holds is refused (the CSV has no limit), never cut or broken.</summary>
    public static FieldError? XlsxTooLong(long rows) => rows <= MaxXlsxRows ? null : new(ExportsApi.FormatField,
        $"Định dạng: tệp Excel chứa được tối đa {VnFormat.Number(MaxXlsxRows)} dòng, danh sách này có {VnFormat.Number(rows)} dòng; tải tệp CSV (format=csv) hoặc chọn một tổ chức nhỏ hơn.");

    /// <summary>The number of members <see cref="MembersAsync"/> would give (null outside the scope): one index count.</summary>
    public async Task<int?> CountMembersAsync(UserScope scope, ParsedMemberListQuery list) =>
        await members.OrderedAsync(scope, list) is { } ordered ? await ordered.CountAsync() : null;

    /// <summary>
    /// The members of the list (the Members page's filters, scope and order, through <see cref="MemberQueries.OrderedAsync"/>)
    /// with their cell and, for history before a merger, the code of the first placement's organization when it has ended and
    /// is not the current cell; null when the organization asked is outside the scope.
    /// </summary>
    public async Task<IAsyncEnumerable<MemberFormatRow>?> MembersAsync(UserScope scope, ParsedMemberListQuery list)
    {
        if (await members.OrderedAsync(scope, list) is not { } ordered) return null;
        var organizations = db.Organizations.AsNoTracking();
        var placements = db.MemberPlacements.AsNoTracking();
        return ordered
            .Join(organizations, m => m.OrganizationId, o => o.Id, (m, o) => new MemberFormatRow(m, o.Code, o.Name,
                placements.Where(p => p.MemberId == m.Id).OrderBy(p => p.FromDate).ThenBy(p => p.Id)
                    .Select(p => organizations.Where(e => e.Id == p.OrganizationId && e.EndedOn != null && e.Id != m.OrganizationId)
                        .Select(e => e.Code).FirstOrDefault())
                    .FirstOrDefault()))
            .AsAsyncEnumerable();
    }

    /// <summary>
    /// The organizations of the subtree, ended ones included, parents before children (depth, then code). When the subtree is
    /// the user's own root (for an administrator, any top-level organization), the ended organizations merged into it (Long An
    /// and the former Tây Ninh into today's Tây Ninh, recursively) come with their subtrees, as far as the scope sees them. The
    /// parent's code is written whatever the scope (the lists already name a cell's parent); the successor's only when the
    /// scope sees it.
    /// </summary>
    public async Task<IAsyncEnumerable<OrganizationFormatRow>> OrganizationsAsync(UserScope scope, Organization top)
    {
        IReadOnlyList<string> prefixes = [top.Path];
        if (top.Id == scope.RootOrganizationId || (scope.IsAdmin && top.ParentId is null))
            prefixes = [.. (await ScopeResolver.PrefixesWithPredecessorsAsync(db, top.Id)).Where(scope.Covers)];
        var all = db.Organizations.AsNoTracking();
        var visible = scope.Filter(db.Organizations.AsNoTracking());
        return visible.Where(PathRange.WithinAny<Organization>(o => o.Path, prefixes))
            .OrderBy(o => o.Depth).ThenBy(o => o.Code).ThenBy(o => o.Id)
            .Select(o => new OrganizationFormatRow(o,
                all.Where(p => p.Id == o.ParentId).Select(p => p.Code).FirstOrDefault(),
                visible.Where(s => s.Id == o.SuccessorId).Select(s => s.Code).FirstOrDefault()))
            .AsAsyncEnumerable();
    }

    /// <summary>The member sheet: the import format's header on row 4 (rows 1–3 the heading, as every export), no totals, no notes.</summary>
    public static XlsxSheet MembersSheet(IAsyncEnumerable<MemberFormatRow> rows, string organization) => new(MembersSheetName,
        $"DANH SÁCH ĐẢNG VIÊN – {organization}",
        [.. Columns(MemberImportFormat.Columns), new(CellNameHeader, Width: 34), new(StatusHeader, Width: 16)],
        Cells(rows, r => r.Cells()), Totals: false);

    public static XlsxSheet OrganizationsSheet(IAsyncEnumerable<OrganizationFormatRow> rows, string organization) => new(OrganizationsSheetName,
        $"DANH SÁCH TỔ CHỨC ĐẢNG – {organization}",
        Columns(OrganizationImportFormat.Columns), Cells(rows, r => r.Cells()), Totals: false);

    private static IReadOnlyList<XlsxColumn> Columns(IReadOnlyList<ImportColumn> format) =>
        [.. format.Select(c => new XlsxColumn(ImportFormats.HeaderOf(c), Width: Math.Max(14, c.Header.Length + 6)))];

    private static async IAsyncEnumerable<object?[]> Cells<T>(IAsyncEnumerable<T> rows, Func<T, object?[]> cells,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel = default)
    {
        await foreach (var row in rows.WithCancellation(cancel)) yield return cells(row);
    }
}
