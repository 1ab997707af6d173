using Microsoft.EntityFrameworkCore;
using PartyOrg.Domain.Common;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Reference;
using PartyOrg.Web.Data;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Shared.Exports;

namespace PartyOrg.Web.Features.Members;

/// <summary>
/// The member record printed as the 2-HSĐV sheet (phiếu đảng viên, HD 12-HD/BTCTW 2022 keeping HD 09/2017 point 2.2): the
/// organization chain at the top (province → base → cell), "số lý lịch" (6 digits + the province's letters) and the card
/// number, then the record's fields. The register holds only part of the form: every field it does not hold (the lý lịch number,
/// the birth name, foreign language, awards, the photo) is left as a dotted line to be written by hand, never filled in.
/// </summary>
public sealed class MemberCard(AppDbContext db, MemberQueries members, Calendar calendar)
{
    public async Task<(byte[] Bytes, string FullName)?> BuildAsync(UserScope scope, int id)
    {
        if (await members.GetAsync(scope, id) is not { } m) return null;
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == m.OrganizationId).Select(o => o.Path).SingleAsync();
        var ids = Organization.IdsOnPath(path);
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        var chain = ids.Where(names.ContainsKey).Select(i => names[i]).ToList();
        var top = chain.Count > 1 ? chain[0] : "";
        var dots = PartyDocument.Dots;
        string Or(string? value) => string.IsNullOrWhiteSpace(value) ? dots : value;
        var ethnic = ReferenceLists.EthnicGroup(m.EthnicGroupCode)?.Name ?? m.EthnicGroupCode;
        var fields = new List<(string, string)>
        {
            ("Số lý lịch đảng viên", dots),
            ("Số thẻ đảng viên", Or(m.CardNumber)),
            ("Họ và tên đang dùng", m.FullName),
            ("Họ và tên khai sinh", dots),
            ("Giới tính", m.Gender.Label()),
            ("Ngày sinh", VnFormat.Date(m.DateOfBirth)),
            ("Nơi sinh", Or(m.Birthplace)),
            ("Quê quán", Or(m.HomeTown)),
            ("Dân tộc", ethnic),
            ("Tôn giáo", Or(m.Religion)),
            ("Số căn cước công dân", m.CitizenId),
            ("Nơi thường trú", Or(m.PermanentAddress)),
            ("Nơi ở hiện nay", Or(m.CurrentAddress)),
            ("Nghề nghiệp hiện nay", Or(m.Profession)),
            ("Giáo dục phổ thông", m.GeneralEducation.Label()),
            ("Chuyên môn, nghiệp vụ", m.ProfessionalDegree.Label()),
            ("Lý luận chính trị", m.PoliticalTheory.Label()),
            ("Ngoại ngữ", dots),
            ("Ngày vào Đảng", VnFormat.Date(m.AdmittedOn) + (m.CeremonyOn is { } c && c != m.AdmittedOn ? $" (lễ kết nạp {VnFormat.Date(c)})" : "")),
            ("Ngày chính thức", m.OfficialOn is { } o ? VnFormat.Date(o) : dots),
            ("Ngày kết nạp lại", m.ReadmittedOn is { } r ? VnFormat.Date(r) : "Không"),
            ("Chi bộ đang sinh hoạt", string.Join(", ", chain.AsEnumerable().Reverse())),
            ("Tình trạng", m.Status.Label()),
            ("Khen thưởng", dots),
            ("Huy hiệu Đảng", dots),
            ("Ảnh 3×4", "(dán ảnh, đóng dấu giáp lai)"),
        };
        var spec = new PartyDocumentSpec(
            IssuerParent: top, Issuer: chain.Count > 1 ? chain[^2] : chain.LastOrDefault() ?? "", Number: "Mẫu 2-HSĐV",
            Place: "", Date: null, Kind: "PHIẾU ĐẢNG VIÊN", Summary: null,
            Sections:
            [
                new DocSection(null, [new DocTable(["Mục", "Nội dung"], fields.Select(f => (IReadOnlyList<string>)[f.Item1, f.Item2]).ToList(), [35, 65])]),
                new DocSection(null,
                [
                    new DocParagraph($"In từ hệ thống ngày {VnFormat.Date(calendar.Today)}. Các mục để dòng chấm là những mục hệ thống chưa lưu: ghi tay theo lý lịch đảng viên.", Italic: true),
                ]),
            ],
            Signature: new DocSignature("Xác nhận của cấp ủy cơ sở", "", null), Recipients: []);
        return (PartyDocument.Write(spec with { Place = PlaceOf(top), Date = null }), m.FullName);
    }

    /// <summary>The place printed before the date: the province's name from "Đảng bộ tỉnh Tây Ninh" (else the text as it is).</summary>
    public static string PlaceOf(string committee)
    {
        foreach (var prefix in new[] { "Đảng bộ tỉnh ", "Đảng bộ thành phố ", "Đảng bộ ", "Chi bộ " })
            if (committee.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return committee[prefix.Length..];
        return committee;
    }
}
