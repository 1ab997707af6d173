using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PartyOrg.Web.Features.Admissions;
using PartyOrg.Web.Features.Badges;
using PartyOrg.Web.Features.Decisions;
using PartyOrg.Web.Features.Members;
using PartyOrg.Web.Features.Organizations;
using PartyOrg.Web.Features.Pickers;
using PartyOrg.Web.Features.Probation;
using PartyOrg.Web.Features.Shared;
using PartyOrg.Web.Features.Targets;
using PartyOrg.Web.Features.Transfers;
using PartyOrg.Web.Features.WorkCalendar;

namespace PartyOrg.Web.Hosting;

/// <summary>
/// The API as a contract for the systems that call it: every operation has an operationId, a Vietnamese summary, its
/// typed success answer and its ProblemDetails answers, and the bearer scheme is declared, so a client generator can
/// produce a usable client. One table holds the documentation of every route.
/// </summary>
public static class ApiDocs
{
    public sealed record Doc(string OperationId, string Summary, Type? Success, int Status = StatusCodes.Status200OK, string[]? Files = null);

    /// <summary>A route answering a file (a binary body of the given content types).</summary>
    private static Doc FileDoc(string operationId, string summary, params string[] contentTypes) => new(operationId, summary, typeof(Stream), Files: contentTypes);

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly Dictionary<string, Doc> Docs = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/auth/token"] = new("CreateToken", "Cấp mã truy cập (bearer, 15 phút) và mã gia hạn cho tài khoản.", typeof(AccessTokenResponse)),
        ["POST /api/v1/auth/refresh"] = new("RefreshToken", "Gia hạn mã truy cập bằng mã gia hạn, khi tài khoản vẫn còn hiệu lực.", typeof(AccessTokenResponse)),

        ["GET /api/v1/organizations/root"] = new("GetRootOrganization", "Tổ chức cao nhất trong phạm vi của người dùng, tính đến ngày asOf; trước ngày thành lập, các tổ chức tiền thân đứng ở vị trí đó (stoodInPlace) và tổng số đảng viên của họ.", typeof(OrganizationView)),
        ["GET /api/v1/organizations/{id:int}"] = new("GetOrganization", "Một tổ chức đảng (tính đến ngày asOf), kèm ETag để sửa.", typeof(OrganizationView)),
        ["GET /api/v1/organizations/{id:int}/children"] = new("ListChildOrganizations", "Các tổ chức trực thuộc tại ngày asOf, với số đảng viên của cả nhánh; trước ngày thành lập của tổ chức, các tổ chức tiền thân (inPlaceOf).", typeof(IReadOnlyList<OrganizationView>)),
        ["GET /api/v1/organizations/{id:int}/history"] = new("GetOrganizationHistory", "Lịch sử thay đổi của tổ chức.", typeof(IReadOnlyList<AuditRow>)),
        ["POST /api/v1/organizations/{id:int}/children"] = new("CreateChildOrganization", "Thành lập tổ chức trực thuộc.", typeof(OrganizationView), StatusCodes.Status201Created),
        ["PUT /api/v1/organizations/{id:int}"] = new("UpdateOrganization", "Sửa thông tin tổ chức (cần If-Match).", typeof(OrganizationView)),

        ["GET /api/v1/members"] = new("ListMembers", "Tìm đảng viên theo tên (có hoặc không dấu), CCCD, số thẻ; trong một tổ chức.", typeof(ApiPage<MemberListItem>)),
        ["GET /api/v1/members/{id:int}"] = new("GetMember", "Hồ sơ một đảng viên, kèm ETag để sửa.", typeof(MemberDetail)),
        ["GET /api/v1/members/{id:int}/history"] = new("GetMemberHistory", "Lịch sử thay đổi hồ sơ đảng viên.", typeof(IReadOnlyList<AuditRow>)),
        ["POST /api/v1/members"] = new("CreateMember", "Thêm hồ sơ đảng viên.", typeof(MemberDetail), StatusCodes.Status201Created),
        ["PUT /api/v1/members/{id:int}"] = new("UpdateMember", "Sửa hồ sơ đảng viên (cần If-Match).", typeof(MemberDetail)),
        ["GET /api/v1/members/{id:int}/decisions"] = new("ListMemberDecisions", "Các quyết định về đảng tịch của đảng viên.", typeof(IReadOnlyList<DecisionView>)),
        ["GET /api/v1/members/{id:int}/discipline"] = new("ListMemberDiscipline", "Các quyết định kỷ luật của đảng viên, mỗi quyết định với inForce tại ngày asOf (mặc định hôm nay).", typeof(IReadOnlyList<PartyOrg.Web.Features.Discipline.DisciplineView>)),
        ["POST /api/v1/members/{id:int}/discipline"] = new("RecordMemberDiscipline", "Ghi quyết định kỷ luật đảng viên (khiển trách, cảnh cáo, cách chức, khai trừ; đảng viên dự bị chỉ khiển trách, cảnh cáo). Khai trừ đồng thời là quyết định ra khỏi Đảng.", typeof(PartyOrg.Web.Features.Discipline.DisciplineView)),
        ["GET /api/v1/organizations/{id:int}/discipline"] = new("ListOrganizationDiscipline", "Các quyết định kỷ luật của tổ chức đảng, với inForce tại ngày asOf.", typeof(IReadOnlyList<PartyOrg.Web.Features.Discipline.DisciplineView>)),
        ["POST /api/v1/organizations/{id:int}/discipline"] = new("RecordOrganizationDiscipline", "Ghi quyết định kỷ luật tổ chức đảng (khiển trách, cảnh cáo, giải tán; giải tán kết thúc tổ chức).", typeof(PartyOrg.Web.Features.Discipline.DisciplineView)),
        ["POST /api/v1/discipline/{id:int}/complaint"] = new("RecordDisciplineComplaint", "Ghi khiếu nại (filedOn) và kết quả giải quyết (decidedOn, outcome Upheld|Reduced|Annulled, reducedTo); If-Match tùy chọn.", typeof(PartyOrg.Web.Features.Discipline.DisciplineView)),
        ["GET /api/v1/posts"] = new("ListPostsOnDate", "Các chức danh của tổ chức (org, mặc định tổ chức của người dùng) có tại ngày date (mặc định hôm nay), mỗi chức danh với người giữ vào ngày đó và số chỗ trống; trước ngày thành lập là chức danh của các tổ chức khi đó đứng ở vị trí này. Chỉ Ban Tổ chức của cấp ủy quản lý chức danh và quản trị viên.", typeof(PartyOrg.Web.Features.Cadres.PostsOnDate)),
        ["GET /api/v1/posts/{id:int}"] = new("GetPost", "Một chức danh với người giữ tại ngày date; ETag là phiên bản.", typeof(PartyOrg.Web.Features.Cadres.PostView)),
        ["POST /api/v1/posts"] = new("CreatePost", "Thêm chức danh cho tổ chức: loại chức danh trong danh mục, tên, số người giữ, diện quản lý (chính tổ chức hoặc cấp ủy cấp trên).", typeof(PartyOrg.Web.Features.Cadres.PostView)),
        ["GET /api/v1/exports/posts"] = FileDoc("ExportPosts", "Danh sách cán bộ giữ chức danh của tổ chức tại ngày date, tệp .xlsx: một dòng mỗi người giữ, một dòng cho chỗ trống của mỗi chức danh.", Xlsx),
        ["GET /api/v1/exports/plans"] = FileDoc("ExportPlan", "Quy hoạch cán bộ của tổ chức (org, term, date, kind như GET /plans), tệp .xlsx: một dòng mỗi cán bộ trong quy hoạch với điểm cần xem xét, chức danh chưa có cán bộ quy hoạch, cơ cấu ở phần ghi chú.", Xlsx),
        ["GET /api/v1/plans"] = new("ReadPlan", "Quy hoạch cán bộ của tổ chức (org) cho nhiệm kỳ term (năm đầu; mặc định nhiệm kỳ của ngày date), đọc tại ngày date; kind (mã loại chức danh) chỉ đọc quy hoạch chức danh loại đó: các chức danh với cán bộ trong quy hoạch, điểm cần xem xét (flags), cơ cấu (nữ, dưới 40 tuổi, dân tộc thiểu số, ba độ tuổi) so với tỷ lệ tối thiểu, hệ số quy hoạch.", typeof(PartyOrg.Web.Features.Cadres.PlanView)),
        ["POST /api/v1/plans"] = new("CreatePlan", "Phê duyệt quy hoạch nhiệm kỳ của tổ chức (termFrom, termTo, decisionNumber, approvedOn).", typeof(PartyOrg.Web.Features.Cadres.PlanView)),
        ["POST /api/v1/plans/{id:int}/entries"] = new("AddPlanEntry", "Đưa cán bộ vào quy hoạch một chức danh từ ngày fromDate; kiểm tra theo Quy định 377-QĐ/TW: chức danh cao hơn, không quá 3 cán bộ mỗi chức danh, không quá 3 chức danh cùng cấp mỗi cán bộ, thời hạn sau kỷ luật; đủ tuổi trọn nhiệm kỳ.", typeof(PartyOrg.Web.Features.Cadres.PlanView)),
        ["POST /api/v1/plan-entries/{id:int}/remove"] = new("RemovePlanEntry", "Đưa cán bộ ra khỏi quy hoạch từ ngày toDate, với lý do và số quyết định; If-Match tùy chọn.", typeof(PartyOrg.Web.Features.Cadres.PlanView)),
        ["GET /api/v1/confidence-votes"] = new("ListConfidenceVotes", "Các lần lấy phiếu tín nhiệm của tổ chức (org), mới nhất trước: số triệu tập, có mặt, phiếu thu về; mỗi cán bộ số phiếu tín nhiệm cao, tín nhiệm, tín nhiệm thấp, tỷ lệ trên số phiếu thu về và hệ quả theo Quy định 96-QĐ/TW.", typeof(IReadOnlyList<PartyOrg.Web.Features.Cadres.ConfidenceRoundView>)),
        ["GET /api/v1/confidence-votes/{id:int}"] = new("GetConfidenceVote", "Một lần lấy phiếu tín nhiệm với kết quả từng cán bộ.", typeof(PartyOrg.Web.Features.Cadres.ConfidenceRoundView)),
        ["POST /api/v1/confidence-votes"] = new("RecordConfidenceVote", "Ghi một lần lấy phiếu tín nhiệm và kết quả từng người giữ chức danh của tổ chức vào ngày đó; chỉ hợp lệ khi có mặt từ 2/3 số được triệu tập; trên 1/2 phiếu tín nhiệm thấp đưa cán bộ ra khỏi quy hoạch cùng lúc. Ghi trọn cả lần hoặc không ghi gì.", typeof(PartyOrg.Web.Features.Cadres.ConfidenceRoundView)),
        ["GET /api/v1/appointments"] = new("ListAppointmentCases", "Hồ sơ bổ nhiệm, bổ nhiệm lại, điều động, luân chuyển, giới thiệu ứng cử, miễn nhiệm, cho thôi giữ chức vụ thuộc diện cấp ủy của tổ chức (org) và cấp dưới: hồ sơ đang thực hiện, hồ sơ đã quyết định trong năm (year), chức danh bổ nhiệm đến hạn xem xét bổ nhiệm lại, số lượt theo loại việc và theo diện quản lý.", typeof(PartyOrg.Web.Features.Cadres.CasesView)),
        ["GET /api/v1/appointments/{id:int}"] = new("GetAppointmentCase", "Một hồ sơ với các bước; ETag là phiên bản.", typeof(PartyOrg.Web.Features.Cadres.CaseView)),
        ["POST /api/v1/appointments"] = new("OpenAppointmentCase", "Mở hồ sơ: kind (Appointment, Reappointment, Transfer, Rotation, Nomination, Dismissal, Resignation), memberId, postId (chức danh đến), fromHoldingId (chức danh đang giữ), proposedOn, note.", typeof(PartyOrg.Web.Features.Cadres.CaseView), StatusCodes.Status201Created),
        ["POST /api/v1/appointments/{id:int}/steps"] = new("AddAppointmentStep", "Ghi một bước của hồ sơ (on, name, document); If-Match tùy chọn.", typeof(PartyOrg.Web.Features.Cadres.CaseView)),
        ["POST /api/v1/appointments/{id:int}/decide"] = new("DecideAppointmentCase", "Ghi quyết định (decisionNumber, decidedOn, effectiveOn): kiểm tra tại ngày quyết định quy hoạch (Quy định 377-QĐ/TW, Điều 34), thời hạn sau kỷ luật, tuổi, thời gian giữ chức danh hiện tại; cùng lúc kết thúc chức danh đang giữ và ghi chức danh mới. If-Match tùy chọn.", typeof(PartyOrg.Web.Features.Cadres.CaseView)),
        ["POST /api/v1/appointments/{id:int}/withdraw"] = new("WithdrawAppointmentCase", "Dừng hồ sơ (on, reason); không ghi gì vào chức danh. If-Match tùy chọn.", typeof(PartyOrg.Web.Features.Cadres.CaseView)),
        ["GET /api/v1/training"] = new("ListTraining", "Các lớp đào tạo, bồi dưỡng của tổ chức (org) và cấp dưới diễn ra trong năm (year), với học viên và kết quả; số người được cử đi học trong năm theo chương trình, số hoàn thành, số học ở nước ngoài.", typeof(PartyOrg.Web.Features.Cadres.TrainingView)),
        ["GET /api/v1/training/{id:int}"] = new("GetTrainingCourse", "Một lớp với học viên; ETag là phiên bản.", typeof(PartyOrg.Web.Features.Cadres.CourseView)),
        ["POST /api/v1/training"] = new("CreateTrainingCourse", "Ghi lớp: organizationId (tổ chức cử đi học), level (TheoryElementary…Doctor), name, institution, abroad, fromDate, toDate.", typeof(PartyOrg.Web.Features.Cadres.CourseView), StatusCodes.Status201Created),
        ["POST /api/v1/training/{id:int}/enrolments"] = new("EnrolInTrainingCourse", "Cử đảng viên (memberId) thuộc tổ chức cử đi học vào lớp; mỗi người một lần.", typeof(PartyOrg.Web.Features.Cadres.CourseView), StatusCodes.Status201Created),
        ["POST /api/v1/training/enrolments/{id:int}/finish"] = new("FinishTrainingEnrolment", "Ghi kết quả học (result Completed|NotCompleted, finishedOn, certificateNumber); hoàn thành lớp lý luận chính trị, thạc sĩ, tiến sĩ nâng trình độ trong hồ sơ đảng viên. If-Match tùy chọn.", typeof(PartyOrg.Web.Features.Cadres.CourseView)),
        ["GET /api/v1/holdings"] = new("ListMemberHoldings", "Quá trình giữ chức danh của đảng viên (member), mới nhất trước, trong phạm vi người dùng được xem.", typeof(IReadOnlyList<PartyOrg.Web.Features.Cadres.CareerItem>)),
        ["GET /api/v1/holdings/{id:int}"] = new("GetHolding", "Một lần giữ chức danh (người giữ, từ ngày, đến ngày, quyết định, nhiệm kỳ, người địa phương hay không), kèm ETag.", typeof(PartyOrg.Web.Features.Cadres.HolderView)),
        ["POST /api/v1/holdings"] = new("CreateHolding", "Ghi người giữ chức danh từ ngày fromDate theo quyết định (bầu, bổ nhiệm, chỉ định); kiểm tra số người giữ và quy định đảng viên chính thức (Điều lệ Đảng, Điều 3) cho chức danh cấp ủy.", typeof(PartyOrg.Web.Features.Cadres.HolderView)),
        ["POST /api/v1/holdings/{id:int}/end"] = new("EndHolding", "Ghi ngày thôi giữ chức danh (toDate, ngày đầu tiên không còn giữ) và lý do; If-Match tùy chọn.", typeof(PartyOrg.Web.Features.Cadres.HolderView)),
        ["GET /api/v1/discipline"] = new("ListDisciplineOfYear", "Các quyết định kỷ luật trong năm (year) của một nhánh (org), đảng viên và tổ chức, còn hay đã chấm dứt hiệu lực tại asOf.", typeof(IReadOnlyList<PartyOrg.Web.Features.Discipline.DisciplineView>)),
        ["POST /api/v1/members/{id:int}/decisions"] = new("RecordMemberDecision", "Ghi quyết định: công nhận chính thức, xóa tên, cho ra, khai trừ, từ trần, kết nạp lại.", typeof(DecisionView)),
        ["GET /api/v1/members/{id:int}/card.docx"] = FileDoc("GetMemberCard", "Phiếu đảng viên (mẫu 2-HSĐV) của đảng viên dạng .docx; các mục hệ thống chưa lưu để dòng chấm.", Docx),
        ["GET /api/v1/members/{id:int}/party-age"] = new("GetPartyAge", "Tuổi đảng tính đến một ngày.", typeof(PartyAgeView)),

        ["GET /api/v1/admissions"] = new("ListAdmissionCases", "Hồ sơ phát triển đảng viên theo bước.", typeof(ApiPage<AdmissionCaseItem>)),
        ["GET /api/v1/admissions/{id:int}"] = new("GetAdmissionCase", "Một hồ sơ phát triển đảng viên.", typeof(AdmissionCaseDetail)),
        ["GET /api/v1/admissions/{id:int}/history"] = new("GetAdmissionCaseHistory", "Lịch sử thay đổi hồ sơ phát triển đảng viên.", typeof(IReadOnlyList<AuditRow>)),
        ["POST /api/v1/admissions"] = new("CreateAdmissionCase", "Đưa một người vào nguồn kết nạp.", typeof(AdmissionCaseDetail), StatusCodes.Status201Created),
        ["POST /api/v1/admissions/{id:int}/steps"] = new("RecordAdmissionStep", "Ghi bước tiếp theo của hồ sơ; lễ kết nạp tạo đảng viên dự bị.", typeof(AdmissionCaseDetail)),
        ["POST /api/v1/admissions/{id:int}/drop"] = new("DropAdmissionCase", "Dừng xem xét hồ sơ, ghi lý do.", typeof(AdmissionCaseDetail)),

        ["GET /api/v1/probation"] = new("ListProbationers", "Đảng viên dự bị đến hạn xét công nhận.", typeof(IReadOnlyList<ProbationItem>)),

        ["GET /api/v1/transfers"] = new("ListTransfers", "Việc chuyển sinh hoạt đảng đi và đến.", typeof(IReadOnlyList<TransferView>)),
        ["GET /api/v1/transfers/{id:int}"] = new("GetTransfer", "Một việc chuyển sinh hoạt đảng.", typeof(TransferView)),
        ["POST /api/v1/transfers"] = new("IssueTransfer", "Giới thiệu chuyển sinh hoạt đảng (bên chuyển đi).", typeof(TransferView), StatusCodes.Status201Created),
        ["POST /api/v1/transfers/{id:int}/receive"] = new("ReceiveTransfer", "Tiếp nhận đảng viên (bên nhận).", typeof(TransferView)),
        ["POST /api/v1/transfers/{id:int}/late-decision"] = new("DecideLateTransfer", "Ghi quyết định của cấp ủy về việc nộp giấy giới thiệu quá hạn: thời gian quá hạn có tính vào tuổi đảng hay không.", typeof(TransferView)),
        ["POST /api/v1/transfers/{id:int}/close"] = new("CloseTransfer", "Thu hồi giấy giới thiệu chưa nhận, hoặc kết thúc sinh hoạt tạm thời.", typeof(TransferView)),

        ["GET /api/v1/badges/eligible"] = new("ListBadgeCandidates", "Đảng viên đủ tuổi đảng nhận Huy hiệu trong đợt.", typeof(BadgeEligibleList)),
        ["POST /api/v1/badges/awards"] = new("AwardBadge", "Ghi việc trao Huy hiệu Đảng.", typeof(BadgeAwardView)),
        ["GET /api/v1/badges/summary"] = new("SummarizeBadges", "Số Huy hiệu đã trao theo mốc tuổi đảng trong khoảng thời gian.", typeof(BadgeSummary)),

        ["GET /api/v1/targets/progress"] = new("GetTargetProgress", "Kết quả kết nạp so với chỉ tiêu năm hoặc nhiệm kỳ, trong thời gian tính của chỉ tiêu (countedFrom–countedTo); from/asOf thu hẹp trong khoảng đó (ngoài khoảng: 400). Chỉ có from/to: số kết nạp trong khoảng (dạng AdmissionRangeView), có tỷ lệ khi đúng một chỉ tiêu bao trọn khoảng, nếu không thì percentUnavailableReason nói lý do. Tỷ lệ làm tròn theo Reports:PercentRounding (percentRounding).", typeof(TargetProgressView)),
        ["GET /api/v1/statistics"] = new("GetStatistics", "Thống kê số lượng, chất lượng tổ chức đảng và đảng viên của một nhánh vào một ngày (date, mặc định hôm nay), theo lịch sử sinh hoạt: trước ngày thành lập, các tổ chức tiền thân; biến động trong năm từ 01/01 đến ngày đó. Mỗi số có measure, value và link tới danh sách đúng những người được đếm.", typeof(PartyOrg.Web.Features.Statistics.StatisticsReport)),
        ["GET /api/v1/statistics/members"] = new("ListStatisticsMembers", "Danh sách đúng những đảng viên được đếm trong một số liệu thống kê (measure, value; ratingYear cho số liệu xếp loại), phân trang.", typeof(ApiPage<PartyOrg.Web.Features.Statistics.StatisticsMemberItem>)),
        ["GET /api/v1/statistics/organizations"] = new("ListStatisticsOrganizations", "Danh sách đúng những tổ chức đảng được đếm trong một số liệu thống kê (measure, value; ratingYear cho số liệu xếp loại), phân trang.", typeof(ApiPage<PartyOrg.Web.Features.Statistics.StatisticsOrganizationItem>)),
        ["GET /api/v1/statistics/forms/{form}.xlsx"] = new("GetStatisticsForm", "Biểu mẫu thống kê (to-chuc-dang, trinh-do, dan-toc-ton-giao, ket-nap, ra-khoi-dang) điền số liệu của nhánh vào ngày date, dạng .xlsx; mẫu là tệp dữ liệu có phiên bản, bản dựng lại khi chưa có mẫu chính thức.", null),
        ["GET /api/v1/dashboard"] = new("GetDashboard", "Tổng quan của một tổ chức trong một năm (year, mặc định năm nay; đọc tại 31/12 hoặc hôm nay với năm đang chạy): xếp loại đảng viên và tổ chức cơ sở đảng theo mức, kết nạp theo tháng và theo tổ chức trực thuộc so với chỉ tiêu, đảng viên theo độ tuổi và giới tính, theo tuổi đảng. Mỗi số có link tới danh sách được đếm; tỷ lệ làm tròn theo Reports:PercentRounding.", typeof(PartyOrg.Web.Features.Dashboard.DashboardView)),
        ["GET /api/v1/targets"] = new("GetTarget", "Chỉ tiêu đã lưu của một tổ chức cho năm hoặc nhiệm kỳ, kèm ETag để sửa.", typeof(TargetView)),
        ["PUT /api/v1/targets"] = new("SetTarget", "Giao hoặc đề xuất chỉ tiêu kết nạp (sửa chỉ tiêu đã có cần If-Match). Nhiệm kỳ: documentDate (ngày đại hội), countFrom (mặc định ngày sau documentDate, không có thì 01/01 năm đầu), countTo (mặc định 31/12 năm cuối); không trùng thời gian tính với nhiệm kỳ khác của tổ chức.", typeof(TargetProgressView)),

        ["GET /api/v1/calendar/{year:int}"] = new("GetWorkingCalendar", "Lịch làm việc của một năm (1990–2100): ngày nghỉ theo luật và theo văn bản, thứ Bảy, Chủ nhật làm bù, các ngoại lệ và quy ước; kèm ETag.", typeof(CalendarYearView)),
        ["PUT /api/v1/calendar/{year:int}"] = new("SetWorkingCalendarExceptions", "Thay toàn bộ ngoại lệ của năm (ngày nghỉ hoán đổi, ngày làm bù) theo văn bản của Chính phủ; chỉ quản trị hệ thống, cần If-Match.", typeof(CalendarYearView)),

        ["GET /api/v1/ratings"] = new("GetRatingRound", "Đợt đánh giá, xếp loại chất lượng của một năm trong cây tổ chức: tiến độ theo tổ chức (đã xếp loại / phải xếp loại, tên còn thiếu), danh sách xếp loại đảng viên và tổ chức, quy định áp dụng theo năm, các thiết lập, khóa sổ.", typeof(PartyOrg.Web.Features.Ratings.RatingRoundView)),
        ["PUT /api/v1/ratings/members/{memberId:int}/{year:int}"] = new("SetMemberRating", "Tự đánh giá, đề xuất và quyết định xếp loại của một đảng viên (Excellent|Good|Completed|NotCompleted; điểm 0–100 từ năm 2025); sửa bản đã có cần If-Match; bí thư chi bộ chỉ nhập tự đánh giá và đề xuất.", typeof(PartyOrg.Web.Features.Ratings.RatingView)),
        ["PUT /api/v1/ratings/organizations/{orgId:int}/{year:int}"] = new("SetOrganizationRating", "Xếp loại một tổ chức đảng; mức quyết định do ban thường vụ cấp ủy cấp trên trực tiếp; sửa bản đã có cần If-Match.", typeof(PartyOrg.Web.Features.Ratings.RatingView)),
        ["POST /api/v1/ratings/{orgId:int}/{year:int}/lock"] = new("LockRatingYear", "Khóa sổ xếp loại của năm cho tổ chức và các tổ chức trực thuộc: không ghi thêm được.", typeof(PartyOrg.Web.Features.Ratings.RatingRoundView)),
        ["POST /api/v1/ratings/{orgId:int}/{year:int}/unlock"] = new("UnlockRatingYear", "Mở khóa sổ xếp loại (bắt buộc có lý do, ghi lịch sử).", typeof(PartyOrg.Web.Features.Ratings.RatingRoundView)),

        ["GET /api/v1/pickers/members"] = new("PickMembers", "Gợi ý đảng viên theo tên (có hoặc không dấu) trong phạm vi, kèm chi bộ và đảng ủy.", typeof(IReadOnlyList<PickItem>)),
        ["GET /api/v1/pickers/organizations"] = new("PickOrganizations", "Gợi ý tổ chức theo tên, kèm tổ chức cấp trên (kind=destination: mọi chi bộ đang hoạt động).", typeof(IReadOnlyList<PickItem>)),

        ["GET /api/v1/imports/members/template"] = FileDoc("MemberImportTemplate", "Tải mẫu nhập danh sách đảng viên: tiêu đề cột tiếng Việt, một dòng ví dụ và cách ghi từng cột; format=xlsx (mặc định) hoặc csv (UTF-8).", Xlsx, "text/csv"),
        ["GET /api/v1/imports/organizations/template"] = FileDoc("OrganizationImportTemplate", "Tải mẫu nhập danh sách tổ chức đảng: tiêu đề cột tiếng Việt, một dòng ví dụ và trang hướng dẫn; format=xlsx (mặc định) hoặc csv (UTF-8).", Xlsx, "text/csv"),
        ["POST /api/v1/imports/members"] = new("ImportMembers", "Nhập danh sách đảng viên từ tệp .xlsx hoặc .csv theo mẫu (multipart, trường file); preview=true chỉ kiểm tra và đếm (mới, thay đổi, không đổi, lỗi). Trả 202 {id} ngay, việc nhập chạy nền: cả tệp được ghi hoặc không dòng nào được ghi.", typeof(PartyOrg.Web.Features.Imports.ImportsApi.ImportStarted)),
        ["POST /api/v1/imports/organizations"] = new("ImportOrganizations", "Nhập danh sách tổ chức đảng từ tệp .xlsx hoặc .csv theo mẫu (multipart, trường file); preview=true chỉ kiểm tra. Trả 202 {id}.", typeof(PartyOrg.Web.Features.Imports.ImportsApi.ImportStarted)),
        ["GET /api/v1/imports/{id:int}"] = new("GetImport", "Tiến độ và kết quả một lần nhập tệp: state (Running, Previewed, Committed, Refused), processed/total, created, changed, unchanged và các dòng lỗi (row là số dòng trong tệp, dòng tiêu đề là dòng 1 của tệp CSV; tối đa 1.000 lỗi, đủ cả trong errors.xlsx).", typeof(PartyOrg.Web.Features.Imports.ImportView)),
        ["GET /api/v1/imports/{id:int}/errors.xlsx"] = FileDoc("GetImportErrors", "Tải Excel mọi dòng lỗi của một lần nhập tệp (dòng, cột, lý do).", Xlsx),
        ["POST /api/v1/imports/{id:int}/commit"] = new("CommitImport", "Ghi một lần nhập đã xem trước và không có lỗi: tệp được đọc và kiểm tra lại rồi ghi trong một giao dịch. Trả 202 {id}.", typeof(PartyOrg.Web.Features.Imports.ImportsApi.ImportStarted)),
        ["GET /api/v1/exports/members"] = FileDoc("ExportMembers", "Tải danh sách đảng viên đúng như trang Đảng viên hiển thị (cùng bộ lọc q, org, status, gender, ageFrom, ageTo, sort; mọi trang, không giới hạn số dòng) theo mẫu nhập đảng viên, thêm hai cột chỉ để đọc \"Tên chi bộ\", \"Trạng thái\": tệp nhập lại được nguyên trạng; format=xlsx (mặc định) hoặc csv.", Xlsx, "text/csv"),
        ["GET /api/v1/exports/organizations"] = FileDoc("ExportOrganizations", "Tải danh sách tổ chức đảng của tổ chức org (mặc định: tổ chức của mình, kèm các tổ chức đã hợp nhất vào đó) theo mẫu nhập tổ chức: cấp trên trước cấp dưới, gồm cả tổ chức đã kết thúc với mã tổ chức kế thừa; format=xlsx (mặc định) hoặc csv.", Xlsx, "text/csv"),
        ["GET /api/v1/exports/admissions"] = FileDoc("ExportAdmissionCases", "Tải Excel danh sách hồ sơ phát triển đảng viên (org, step, q, sort, late như trang).", Xlsx),
        ["GET /api/v1/exports/probation"] = FileDoc("ExportProbationers", "Tải Excel danh sách đảng viên dự bị đến hạn (all=true: mọi đảng viên dự bị).", Xlsx),
        ["GET /api/v1/exports/transfers"] = FileDoc("ExportTransfers", "Tải Excel danh sách chuyển sinh hoạt đảng (all, late như trang).", Xlsx),
        ["GET /api/v1/exports/badges"] = FileDoc("ExportBadgeProposals", "Tải Excel danh sách đề nghị tặng Huy hiệu Đảng của đợt (họ tên, ngày sinh, ngày vào Đảng, tuổi đảng, mốc).", Xlsx),
        ["GET /api/v1/exports/ratings"] = FileDoc("ExportRatings", "Tải Excel đánh giá, xếp loại chất lượng của năm year trong tổ chức org đúng như trang Xếp loại: tổng hợp theo mức (tỷ lệ tốt trở lên), tiến độ từng tổ chức, xếp loại đảng viên, xếp loại tổ chức.", Xlsx),
        ["GET /api/v1/exports/targets"] = FileDoc("ExportTargetProgress", "Tải Excel kết quả kết nạp so với chỉ tiêu của tổ chức và các tổ chức trực thuộc (org, year hoặc term, from, asOf như trang).", Xlsx),

        ["GET /api/v1/reports/{kind}"] = FileDoc("GetReport", "Báo cáo công tác tổ chức xây dựng Đảng (kind: semiannual, annual, term) của tổ chức org, năm year, dạng docx (thể thức văn bản của Đảng) hoặc xlsx: kết nạp so với chỉ tiêu, số lượng đảng viên đầu và cuối kỳ, ra khỏi Đảng theo loại; đánh giá, xếp loại và kỷ luật: chưa có số liệu.", Docx, Xlsx),

        ["GET /api/v1/users"] = new("ListUsers", "Danh sách tài khoản trong phạm vi quản lý.", null),
        ["GET /api/v1/users/{userName}"] = new("GetUser", "Một tài khoản.", null),
        ["POST /api/v1/users"] = new("CreateUser", "Tạo tài khoản với vai trò và phạm vi; người dùng phải đổi mật khẩu khi đăng nhập lần đầu.", null),
        ["PUT /api/v1/users/{userName}"] = new("UpdateUser", "Đổi vai trò, phạm vi hoặc quyền ghi; các phiên làm việc của tài khoản kết thúc ngay.", null),
        ["POST /api/v1/users/{userName}/disable"] = new("DisableUser", "Khóa tài khoản: mọi phiên và mã truy cập hết hiệu lực ngay.", null),
        ["POST /api/v1/users/{userName}/enable"] = new("EnableUser", "Mở lại tài khoản đã khóa.", null),
        ["POST /api/v1/users/{userName}/reset-password"] = new("ResetUserPassword", "Đặt lại mật khẩu (tạo ngẫu nhiên nếu không gửi); người dùng phải đổi khi đăng nhập.", null),
        ["POST /api/v1/account/password"] = new("ChangeOwnPassword", "Đổi mật khẩu của chính mình; mọi phiên và mã truy cập khác hết hiệu lực.", null),
    };

    /// <summary>The routes of the API that the table does not document (a test keeps this empty).</summary>
    public static readonly List<string> Undocumented = [];

    public static string Key(string method, string pattern) => $"{method} {pattern.TrimEnd('/')}";

    /// <summary>Applies the table to every endpoint of the group, after the endpoints' own conventions.</summary>
    public static RouteGroupBuilder WithApiDocs(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Finally(builder =>
        {
            if (builder is not RouteEndpointBuilder route) return;
            var method = builder.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).FirstOrDefault() ?? "GET";
            var key = Key(method, route.RoutePattern.RawText ?? "");
            if (!Docs.TryGetValue(key, out var doc))
            {
                lock (Undocumented) Undocumented.Add(key);
                return;
            }
            if (!builder.Metadata.OfType<IEndpointNameMetadata>().Any()) builder.Metadata.Add(new EndpointNameMetadata(doc.OperationId));
            if (!builder.Metadata.OfType<IEndpointSummaryMetadata>().Any()) builder.Metadata.Add(new EndpointSummaryAttribute(doc.Summary));
            if (doc.Success is not null) builder.Metadata.Add(new ProducesResponseTypeMetadata(doc.Status, doc.Success, doc.Files ?? ["application/json"]));
            builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
            var errors = new List<int> { 401, 403, 404, 429, 500, 503 };
            if (method is "POST" or "PUT") errors.AddRange([409, 412]);
            if (method == "PUT") errors.Add(428);
            foreach (var status in errors)
                builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        });
        return group;
    }

    public const string BearerScheme = "Bearer";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Đăng nhập"] = "Mã truy cập (bearer) và gia hạn.",
        ["Tài khoản"] = "Quản trị tài khoản trong phạm vi và đổi mật khẩu của chính mình.",
        ["Tổ chức đảng"] = "Cây tổ chức đảng theo thời gian, kể cả lịch sử qua sắp xếp năm 2025.",
        ["Đảng viên"] = "Hồ sơ đảng viên, quyết định về đảng tịch, tuổi đảng.",
        ["Phát triển đảng viên"] = "Hồ sơ kết nạp từ nguồn đến lễ kết nạp.",
        ["Đảng viên dự bị"] = "Đảng viên dự bị và hạn xét công nhận chính thức.",
        ["Chuyển sinh hoạt đảng"] = "Giới thiệu và tiếp nhận sinh hoạt đảng chính thức, tạm thời.",
        ["Huy hiệu Đảng"] = "Xét và trao tặng Huy hiệu Đảng theo tuổi đảng.",
        ["Chỉ tiêu kết nạp"] = "Chỉ tiêu kết nạp năm, nhiệm kỳ và kết quả thực hiện.",
        ["Lịch làm việc"] = "Ngày nghỉ lễ theo Bộ luật Lao động và ngày hoán đổi theo văn bản của Chính phủ, dùng để tính hạn theo ngày làm việc.",
        ["Xuất tệp"] = "Tải các danh sách dưới dạng Excel (.xlsx) hoặc CSV, đúng như trang hiển thị; mỗi lần tải được ghi nhật ký.",
        ["Báo cáo"] = "Báo cáo 6 tháng, năm, nhiệm kỳ dạng .docx (thể thức văn bản của Đảng) và .xlsx, viết từ số liệu trong hệ thống.",
        ["Chọn đảng viên, tổ chức"] = "Gợi ý cho ô chọn đảng viên và tổ chức trên các biểu mẫu.",
    };

    /// <summary>Declares the bearer scheme and requires it on every operation that is not anonymous.</summary>
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "PartyOrg — Công tác tổ chức xây dựng Đảng";
            document.Info.Description = "API của hệ thống thông tin công tác tổ chức xây dựng Đảng. Lấy mã truy cập ở POST /api/v1/auth/token rồi gửi trong tiêu đề Authorization: Bearer …; mọi lỗi trả về ProblemDetails với tiêu đề tiếng Việt.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Mã truy cập từ POST /api/v1/auth/token (15 phút; gia hạn bằng POST /api/v1/auth/refresh).",
            };
            // The server is the address the document was read from, without the trailing slash (paths start with one).
            foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                if (TagDescriptions.TryGetValue(tag.Name ?? "", out var text)) tag.Description = text;
            return Task.CompletedTask;
        });
        // Enums travel as their names (JsonStringEnumConverter): say so, so generated clients read them as strings.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type.IsEnum && schema.Enum is { Count: > 0 })
            {
                // A nullable use already says "or null" around the reference; the enum itself lists names only.
                schema.Enum = schema.Enum.Where(v => v is not null).ToList();
                schema.Type = JsonSchemaType.String;
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            operation.Security ??= [];
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            {
                // Open to anyone: said explicitly, as an empty requirement.
                operation.Security.Add(new OpenApiSecurityRequirement());
                return Task.CompletedTask;
            }
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            return Task.CompletedTask;
        });
    }
}
