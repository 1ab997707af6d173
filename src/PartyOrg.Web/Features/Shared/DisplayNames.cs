using PartyOrg.Domain.Common;
using PartyOrg.Domain.Lifecycle;
using PartyOrg.Domain.Members;
using PartyOrg.Domain.Organizations;
using PartyOrg.Web.Data;

namespace PartyOrg.Web.Features.Shared;

/// <summary>
/// Vietnamese names of the recorded fields and of the enum values, one map for pages, history and exports.
/// Field names are keyed by entity type and property name, as the audit trail stores them.
/// </summary>
public static class DisplayNames
{
    private static readonly Dictionary<string, string> MemberFieldNames = new()
    {
        [nameof(Member.FullName)] = "Họ và tên",
        [nameof(Member.Gender)] = "Giới tính",
        [nameof(Member.DateOfBirth)] = "Ngày sinh",
        [nameof(Member.Birthplace)] = "Nơi sinh",
        [nameof(Member.HomeTown)] = "Quê quán",
        [nameof(Member.EthnicGroupCode)] = "Dân tộc",
        [nameof(Member.Religion)] = "Tôn giáo",
        [nameof(Member.CitizenId)] = "Số CCCD",
        [nameof(Member.PermanentAddress)] = "Nơi thường trú",
        [nameof(Member.CurrentAddress)] = "Nơi ở hiện nay",
        [nameof(Member.GeneralEducation)] = "Giáo dục phổ thông",
        [nameof(Member.ProfessionalDegree)] = "Chuyên môn",
        [nameof(Member.Profession)] = "Nghề nghiệp",
        [nameof(Member.PoliticalTheory)] = "Lý luận chính trị",
        [nameof(Member.AdmittedOn)] = "Ngày vào Đảng",
        [nameof(Member.CeremonyOn)] = MemberFields.Label(MemberFields.CeremonyOn),
        [nameof(Member.ReadmittedOn)] = "Ngày kết nạp lại",
        [nameof(Member.OfficialOn)] = "Ngày chính thức",
        [nameof(Member.CardNumber)] = "Số thẻ đảng viên",
        [nameof(Member.OrganizationId)] = "Chi bộ sinh hoạt",
        [nameof(Member.Status)] = "Tình trạng",
    };

    private static readonly Dictionary<string, string> OrganizationFieldNames = new()
    {
        [nameof(Organization.Code)] = "Mã tổ chức",
        [nameof(Organization.Name)] = "Tên tổ chức",
        [nameof(Organization.Type)] = "Loại tổ chức",
        [nameof(Organization.Field)] = "Loại hình",
        [nameof(Organization.ParentId)] = "Tổ chức cấp trên",
        [nameof(Organization.FoundedOn)] = "Ngày thành lập",
        [nameof(Organization.EndedOn)] = "Ngày kết thúc",
        [nameof(Organization.State)] = "Trạng thái",
        [nameof(Organization.SuccessorId)] = "Tổ chức kế thừa",
        [nameof(Organization.EndReason)] = "Lý do kết thúc",
    };

    private static readonly Dictionary<string, string> AdmissionCaseFieldNames = new()
    {
        [nameof(AdmissionCase.FullName)] = "Họ và tên",
        [nameof(AdmissionCase.Gender)] = "Giới tính",
        [nameof(AdmissionCase.DateOfBirth)] = "Ngày sinh",
        [nameof(AdmissionCase.CitizenId)] = "Số CCCD",
        [nameof(AdmissionCase.EthnicGroupCode)] = "Dân tộc",
        [nameof(AdmissionCase.Religion)] = "Tôn giáo",
        [nameof(AdmissionCase.GeneralEducation)] = AdmissionFields.Label(AdmissionFields.GeneralEducation),
        [nameof(AdmissionCase.Occupation)] = "Nghề nghiệp",
        [nameof(AdmissionCase.SourceGroup)] = AdmissionFields.Label(AdmissionFields.SourceGroup),
        [nameof(AdmissionCase.OrganizationId)] = AdmissionFields.Label(AdmissionFields.Organization),
        [nameof(AdmissionCase.Step)] = "Bước hiện tại",
        [nameof(AdmissionCase.SourceSince)] = AdmissionFields.Label(AdmissionFields.SourceSince),
        [nameof(AdmissionCase.CourseCertificateNumber)] = "Số giấy chứng nhận lớp nhận thức về Đảng",
        [nameof(AdmissionCase.CourseCertificateOn)] = AdmissionFields.Label(AdmissionFields.CourseCertificateOn),
        [nameof(AdmissionCase.Sponsor1Id)] = "Người giới thiệu thứ nhất",
        [nameof(AdmissionCase.Sponsor1Since)] = "Người giới thiệu thứ nhất cùng công tác từ ngày",
        [nameof(AdmissionCase.Sponsor2Id)] = "Người giới thiệu thứ hai",
        [nameof(AdmissionCase.Sponsor2Since)] = "Người giới thiệu thứ hai cùng công tác từ ngày",
        [nameof(AdmissionCase.SponsorsOn)] = AdmissionFields.Label(AdmissionFields.SponsorsOn),
        [nameof(AdmissionCase.ApplicationOn)] = AdmissionFields.Label(AdmissionFields.ApplicationOn),
        [nameof(AdmissionCase.CellResolutionNumber)] = AdmissionFields.Label(AdmissionFields.CellResolutionNumber),
        [nameof(AdmissionCase.CellResolutionOn)] = AdmissionFields.Label(AdmissionFields.CellResolutionOn),
        [nameof(AdmissionCase.ProvincialConsent)] = "Văn bản đồng ý của cấp ủy trực thuộc Trung ương (trên 60 tuổi)",
        [nameof(AdmissionCase.ApprovingOrganizationId)] = AdmissionFields.Label(AdmissionFields.ApprovingOrganization),
        [nameof(AdmissionCase.DecisionNumber)] = AdmissionFields.Label(AdmissionFields.DecisionNumber),
        [nameof(AdmissionCase.DecisionOn)] = AdmissionFields.Label(AdmissionFields.DecisionOn),
        [nameof(AdmissionCase.CeremonyOn)] = AdmissionFields.Label(AdmissionFields.CeremonyOn),
        [nameof(AdmissionCase.CeremonyLate)] = "Lễ kết nạp quá hạn (có ý kiến đồng ý của cấp ủy cấp trên)",
        [nameof(AdmissionCase.LateConsentNumber)] = "Số văn bản đồng ý của cấp ủy cấp trên (lễ kết nạp quá hạn)",
        [nameof(AdmissionCase.LateConsentOn)] = "Ngày văn bản đồng ý của cấp ủy cấp trên",
        [nameof(AdmissionCase.LateConsentOrganizationId)] = "Cấp ủy cấp trên đồng ý",
        [nameof(AdmissionCase.MemberId)] = "Hồ sơ đảng viên",
        [nameof(AdmissionCase.DroppedOn)] = "Ngày dừng xem xét",
        [nameof(AdmissionCase.DropReason)] = AdmissionFields.Label(AdmissionFields.DropReason),
    };

    private static readonly Dictionary<string, string> MemberDecisionFieldNames = new()
    {
        [nameof(MemberDecision.MemberId)] = "Đảng viên",
        [nameof(MemberDecision.Kind)] = DecisionFields.Label(DecisionFields.Kind),
        [nameof(MemberDecision.DecidedOn)] = DecisionFields.Label(DecisionFields.DecidedOn),
        [nameof(MemberDecision.Number)] = DecisionFields.Label(DecisionFields.Number),
        [nameof(MemberDecision.IssuerOrganizationId)] = "Cấp ủy quyết định",
        [nameof(MemberDecision.Reason)] = DecisionFields.Label(DecisionFields.Reason),
        [nameof(MemberDecision.RemovalCase)] = DecisionFields.Label(DecisionFields.RemovalCase),
        [nameof(MemberDecision.ExtremeFamilyHardship)] = "Hoàn cảnh gia đình đặc biệt khó khăn",
        [nameof(MemberDecision.CorruptionOrSeriousCrime)] = "Bị kết án tham nhũng, tội nghiêm trọng",
        [nameof(MemberDecision.SeriousDisunity)] = "Gây mất đoàn kết nội bộ nghiêm trọng",
        [nameof(MemberDecision.PriorOfficialOn)] = "Ngày chính thức trước khi ra khỏi Đảng",
        [nameof(MemberDecision.ConsentDocument)] = DecisionFields.Label(DecisionFields.ConsentDocument),
        [nameof(MemberDecision.RecordedBy)] = "Người ghi",
    };

    private static readonly Dictionary<string, string> MemberTransferFieldNames = new()
    {
        [nameof(MemberTransfer.MemberId)] = "Đảng viên",
        [nameof(MemberTransfer.Kind)] = "Hình thức chuyển",
        [nameof(MemberTransfer.FromOrganizationId)] = "Chi bộ nơi đi",
        [nameof(MemberTransfer.FromPath)] = "Chi bộ nơi đi (đường dẫn)",
        [nameof(MemberTransfer.ToOrganizationId)] = "Chi bộ nơi đến",
        [nameof(MemberTransfer.ToPath)] = "Chi bộ nơi đến (đường dẫn)",
        [nameof(MemberTransfer.IssuedOn)] = "Ngày giới thiệu chuyển đi",
        [nameof(MemberTransfer.LetterNumber)] = "Số giấy giới thiệu",
        [nameof(MemberTransfer.Reason)] = "Lý do chuyển",
        [nameof(MemberTransfer.PresentBy)] = "Hạn xuất trình giấy giới thiệu",
        [nameof(MemberTransfer.ReceivedOn)] = "Ngày tiếp nhận",
        [nameof(MemberTransfer.ReturnOn)] = "Ngày trở về",
        [nameof(MemberTransfer.ForStudy)] = "Đi học tập trung trong nước",
        [nameof(MemberTransfer.State)] = "Trạng thái",
        [nameof(MemberTransfer.LateReason)] = "Lý do nộp giấy giới thiệu quá hạn",
        [nameof(MemberTransfer.LateDecisionNumber)] = "Số quyết định của cấp ủy về việc nộp quá hạn",
        [nameof(MemberTransfer.LateDecidedOn)] = "Ngày quyết định về việc nộp quá hạn",
        [nameof(MemberTransfer.LateCountsInPartyAge)] = "Thời gian quá hạn được tính vào tuổi đảng",
        [nameof(MemberTransfer.LateDecisionOrganizationId)] = "Cấp ủy quyết định về việc nộp quá hạn",
    };

    private static readonly Dictionary<string, string> BadgeAwardFieldNames = new()
    {
        [nameof(BadgeAward.MemberId)] = "Đảng viên",
        [nameof(BadgeAward.Milestone)] = "Huy hiệu (năm tuổi đảng)",
        [nameof(BadgeAward.OccasionOn)] = "Dịp trao tặng",
        [nameof(BadgeAward.DecisionNumber)] = "Số quyết định",
        [nameof(BadgeAward.Posthumous)] = "Truy tặng",
    };

    private static readonly Dictionary<string, string> AdmissionTargetFieldNames = new()
    {
        [nameof(AdmissionTarget.OrganizationId)] = "Tổ chức đảng",
        [nameof(AdmissionTarget.Year)] = "Năm",
        [nameof(AdmissionTarget.Term)] = "Nhiệm kỳ",
        [nameof(AdmissionTarget.PeriodStart)] = "Tính kết nạp từ ngày",
        [nameof(AdmissionTarget.PeriodEnd)] = "Tính kết nạp đến ngày",
        [nameof(AdmissionTarget.Count)] = "Chỉ tiêu kết nạp",
        [nameof(AdmissionTarget.Source)] = "Hình thức",
        [nameof(AdmissionTarget.Document)] = "Văn bản",
        [nameof(AdmissionTarget.DocumentDate)] = "Ngày văn bản",
    };

    private static readonly Dictionary<string, string> CalendarExceptionFieldNames = new()
    {
        [nameof(CalendarExceptionEntry.Year)] = "Năm",
        [nameof(CalendarExceptionEntry.Date)] = "Ngày",
        [nameof(CalendarExceptionEntry.Kind)] = "Loại",
        [nameof(CalendarExceptionEntry.Name)] = "Tên",
        [nameof(CalendarExceptionEntry.Basis)] = "Căn cứ",
        [nameof(CalendarExceptionEntry.WithdrawnAt)] = "Thời điểm thu hồi",
    };

    /// <summary>Field names by entity type name (as stored in the audit trail), in the order a form shows them.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Fields = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        [nameof(Member)] = MemberFieldNames,
        [nameof(Organization)] = OrganizationFieldNames,
        [nameof(AdmissionCase)] = AdmissionCaseFieldNames,
        [nameof(MemberDecision)] = MemberDecisionFieldNames,
        [nameof(MemberTransfer)] = MemberTransferFieldNames,
        [nameof(BadgeAward)] = BadgeAwardFieldNames,
        [nameof(AdmissionTarget)] = AdmissionTargetFieldNames,
        [nameof(CalendarExceptionEntry)] = CalendarExceptionFieldNames,
        [nameof(CalendarYear)] = new Dictionary<string, string> { [nameof(CalendarYear.Year)] = "Năm" },
        [nameof(Rating)] = new Dictionary<string, string>
        {
            [nameof(Rating.Year)] = "Năm đánh giá", [nameof(Rating.MemberId)] = "Đảng viên", [nameof(Rating.SubjectOrganizationId)] = "Tổ chức được xếp loại",
            [nameof(Rating.OrganizationId)] = "Chi bộ, tổ chức", [nameof(Rating.OrgPath)] = "Vị trí trong cây tổ chức", [nameof(Rating.Subject)] = "Đối tượng",
            [nameof(Rating.SelfLevel)] = "Tự xếp loại", [nameof(Rating.SelfPoints)] = "Điểm tự chấm", [nameof(Rating.SelfOn)] = "Ngày tự đánh giá", [nameof(Rating.SelfBy)] = "Người nhập tự đánh giá",
            [nameof(Rating.ProposedLevel)] = "Mức đề xuất", [nameof(Rating.ProposedOn)] = "Ngày đề xuất", [nameof(Rating.ProposedBy)] = "Người nhập đề xuất",
            [nameof(Rating.DecidedLevel)] = "Mức quyết định", [nameof(Rating.Points)] = "Điểm", [nameof(Rating.DecidedOn)] = "Ngày quyết định", [nameof(Rating.DecidedBy)] = "Người nhập quyết định",
            [nameof(Rating.AllTasksOnTime)] = "100% nhiệm vụ đúng hạn", [nameof(Rating.TasksExceededPercent)] = "Tỷ lệ nhiệm vụ vượt mức",
            [nameof(Rating.SubUnitOrLeaderDisciplined)] = "Có tổ chức trực thuộc hoặc thành viên lãnh đạo bị kỷ luật", [nameof(Rating.TasksLatePercent)] = "Tỷ lệ nhiệm vụ chậm tiến độ",
            [nameof(Rating.ExemptReason)] = "Lý do không đánh giá",
        },
        [nameof(RatingRound)] = new Dictionary<string, string>
        {
            [nameof(RatingRound.OrganizationId)] = "Tổ chức", [nameof(RatingRound.OrgPath)] = "Vị trí trong cây tổ chức", [nameof(RatingRound.Year)] = "Năm đánh giá",
            [nameof(RatingRound.Locked)] = "Đã khóa sổ", [nameof(RatingRound.LockedAt)] = "Thời điểm khóa sổ", [nameof(RatingRound.LockedBy)] = "Người khóa sổ",
            [nameof(RatingRound.UnlockedAt)] = "Thời điểm mở khóa", [nameof(RatingRound.UnlockedBy)] = "Người mở khóa", [nameof(RatingRound.UnlockReason)] = "Lý do mở khóa",
        },
        [nameof(DisciplineDecision)] = new Dictionary<string, string>
        {
            [nameof(DisciplineDecision.Subject)] = "Đối tượng kỷ luật",
            [nameof(DisciplineDecision.MemberId)] = "Đảng viên",
            [nameof(DisciplineDecision.OrganizationId)] = "Tổ chức đảng",
            [nameof(DisciplineDecision.Form)] = "Hình thức kỷ luật",
            [nameof(DisciplineDecision.DecidedOn)] = "Ngày quyết định",
            [nameof(DisciplineDecision.AnnouncedOn)] = "Ngày công bố",
            [nameof(DisciplineDecision.Number)] = "Số quyết định",
            [nameof(DisciplineDecision.IssuerOrganizationId)] = "Cấp ủy quyết định",
            [nameof(DisciplineDecision.Violation)] = "Nội dung vi phạm",
            [nameof(DisciplineDecision.ComplaintFiledOn)] = "Ngày khiếu nại",
            [nameof(DisciplineDecision.ComplaintDecidedOn)] = "Ngày giải quyết khiếu nại",
            [nameof(DisciplineDecision.ComplaintOutcome)] = "Kết quả giải quyết khiếu nại",
            [nameof(DisciplineDecision.ReducedTo)] = "Hình thức sau khi giảm",
            [nameof(DisciplineDecision.ComplaintNumber)] = "Số văn bản giải quyết khiếu nại",
            [nameof(DisciplineDecision.RecordedBy)] = "Người ghi",
        },
        [nameof(Post)] = new Dictionary<string, string>
        {
            [nameof(Post.OrganizationId)] = "Tổ chức", [nameof(Post.KindCode)] = "Loại chức danh", [nameof(Post.Title)] = "Chức danh",
            [nameof(Post.Seats)] = "Số người giữ", [nameof(Post.ManagingOrganizationId)] = "Diện quản lý", [nameof(Post.ManagingPath)] = "Vị trí cấp quản lý",
            [nameof(Post.FromDate)] = "Từ ngày", [nameof(Post.ToDate)] = "Đến ngày", [nameof(Post.RecordedBy)] = "Người ghi",
        },
        [nameof(PostHolding)] = new Dictionary<string, string>
        {
            [nameof(PostHolding.PostId)] = "Chức danh", [nameof(PostHolding.ManagingPath)] = "Vị trí cấp quản lý", [nameof(PostHolding.MemberId)] = "Đảng viên",
            [nameof(PostHolding.OutsideName)] = "Người ngoài hồ sơ đảng viên", [nameof(PostHolding.FromDate)] = "Giữ chức danh từ ngày",
            [nameof(PostHolding.ToDate)] = "Thôi giữ chức danh từ ngày", [nameof(PostHolding.Basis)] = "Hình thức", [nameof(PostHolding.DecisionNumber)] = "Số quyết định",
            [nameof(PostHolding.DecidedOn)] = "Ngày quyết định", [nameof(PostHolding.TermFrom)] = "Nhiệm kỳ từ năm", [nameof(PostHolding.TermTo)] = "Nhiệm kỳ đến năm",
            [nameof(PostHolding.EndReason)] = "Lý do thôi giữ chức danh", [nameof(PostHolding.RecordedBy)] = "Người ghi",
        },
        [nameof(CadrePlan)] = new Dictionary<string, string>
        {
            [nameof(CadrePlan.OrganizationId)] = "Tổ chức", [nameof(CadrePlan.ManagingPath)] = "Vị trí cấp quản lý", [nameof(CadrePlan.TermFrom)] = "Nhiệm kỳ từ năm",
            [nameof(CadrePlan.TermTo)] = "Nhiệm kỳ đến năm", [nameof(CadrePlan.DecisionNumber)] = "Số quyết định phê duyệt", [nameof(CadrePlan.ApprovedOn)] = "Ngày phê duyệt",
            [nameof(CadrePlan.RecordedBy)] = "Người ghi",
        },
        [nameof(PlanEntry)] = new Dictionary<string, string>
        {
            [nameof(PlanEntry.PlanId)] = "Quy hoạch", [nameof(PlanEntry.PostId)] = "Chức danh quy hoạch", [nameof(PlanEntry.MemberId)] = "Cán bộ",
            [nameof(PlanEntry.ManagingPath)] = "Vị trí cấp quản lý", [nameof(PlanEntry.FromDate)] = "Đưa vào quy hoạch từ ngày", [nameof(PlanEntry.DecisionNumber)] = "Số quyết định",
            [nameof(PlanEntry.ToDate)] = "Đưa ra khỏi quy hoạch từ ngày", [nameof(PlanEntry.RemovalReason)] = "Lý do đưa ra", [nameof(PlanEntry.RemovalDecision)] = "Số quyết định đưa ra",
            [nameof(PlanEntry.RecordedBy)] = "Người ghi",
        },
        [nameof(ConfidenceRound)] = new Dictionary<string, string>
        {
            [nameof(ConfidenceRound.OrganizationId)] = "Tổ chức", [nameof(ConfidenceRound.ManagingPath)] = "Vị trí cấp quản lý", [nameof(ConfidenceRound.HeldOn)] = "Ngày lấy phiếu",
            [nameof(ConfidenceRound.Summoned)] = "Số được triệu tập", [nameof(ConfidenceRound.Present)] = "Số có mặt", [nameof(ConfidenceRound.BallotsReturned)] = "Số phiếu thu về",
            [nameof(ConfidenceRound.RecordedBy)] = "Người ghi",
        },
        [nameof(ConfidenceResult)] = new Dictionary<string, string>
        {
            [nameof(ConfidenceResult.RoundId)] = "Lần lấy phiếu", [nameof(ConfidenceResult.MemberId)] = "Cán bộ", [nameof(ConfidenceResult.ManagingPath)] = "Vị trí cấp quản lý",
            [nameof(ConfidenceResult.High)] = "Tín nhiệm cao", [nameof(ConfidenceResult.Medium)] = "Tín nhiệm", [nameof(ConfidenceResult.Low)] = "Tín nhiệm thấp",
        },
        [nameof(AppointmentCase)] = new Dictionary<string, string>
        {
            [nameof(AppointmentCase.Kind)] = "Loại việc", [nameof(AppointmentCase.State)] = "Tình trạng", [nameof(AppointmentCase.MemberId)] = "Cán bộ",
            [nameof(AppointmentCase.PostId)] = "Chức danh đến", [nameof(AppointmentCase.FromHoldingId)] = "Chức danh đang giữ", [nameof(AppointmentCase.ManagingPath)] = "Vị trí cấp quản lý",
            [nameof(AppointmentCase.ProposedOn)] = "Ngày đề xuất", [nameof(AppointmentCase.DecisionNumber)] = "Số quyết định", [nameof(AppointmentCase.DecidedOn)] = "Ngày quyết định",
            [nameof(AppointmentCase.EffectiveOn)] = "Ngày có hiệu lực", [nameof(AppointmentCase.HoldingId)] = "Chức danh được giao", [nameof(AppointmentCase.Note)] = "Ghi chú",
            [nameof(AppointmentCase.RecordedBy)] = "Người ghi",
        },
        [nameof(AppointmentStep)] = new Dictionary<string, string>
        {
            [nameof(AppointmentStep.CaseId)] = "Hồ sơ", [nameof(AppointmentStep.ManagingPath)] = "Vị trí cấp quản lý", [nameof(AppointmentStep.On)] = "Ngày",
            [nameof(AppointmentStep.Name)] = "Bước", [nameof(AppointmentStep.Document)] = "Văn bản", [nameof(AppointmentStep.RecordedBy)] = "Người ghi",
        },
        [nameof(TrainingCourse)] = new Dictionary<string, string>
        {
            [nameof(TrainingCourse.OrganizationId)] = "Tổ chức cử đi học", [nameof(TrainingCourse.OrgPath)] = "Vị trí tổ chức", [nameof(TrainingCourse.Level)] = "Chương trình",
            [nameof(TrainingCourse.Name)] = "Tên lớp", [nameof(TrainingCourse.Institution)] = "Cơ sở đào tạo", [nameof(TrainingCourse.Abroad)] = "Ở nước ngoài",
            [nameof(TrainingCourse.FromDate)] = "Từ ngày", [nameof(TrainingCourse.ToDate)] = "Đến ngày", [nameof(TrainingCourse.RecordedBy)] = "Người ghi",
        },
        [nameof(TrainingEnrolment)] = new Dictionary<string, string>
        {
            [nameof(TrainingEnrolment.CourseId)] = "Lớp", [nameof(TrainingEnrolment.MemberId)] = "Học viên", [nameof(TrainingEnrolment.OrgPath)] = "Vị trí tổ chức",
            [nameof(TrainingEnrolment.Result)] = "Kết quả", [nameof(TrainingEnrolment.FinishedOn)] = "Ngày kết thúc học", [nameof(TrainingEnrolment.CertificateNumber)] = "Số văn bằng, chứng chỉ",
            [nameof(TrainingEnrolment.RecordedBy)] = "Người ghi",
        },
    };

    /// <summary>The field's Vietnamese name, or null when the map has none.</summary>
    public static string? Field(string entityType, string property) =>
        Fields.TryGetValue(entityType, out var names) && names.TryGetValue(property, out var name) ? name : null;

    /// <summary>The Vietnamese name of an enum value; the domain's own labels where it has them.</summary>
    public static string Value(Enum value) => value switch
    {
        Gender v => v.Label(),
        MemberStatus v => v.Label(),
        GeneralEducation v => v.Label(),
        ProfessionalDegree v => v.Label(),
        PoliticalTheory v => v.Label(),
        OrganizationType v => v.Label(),
        OrganizationField v => v.Label(),
        OrganizationState v => v.Label(),
        AdmissionStep v => v.Label(),
        SourceGroup v => v.Label(),
        DecisionKind v => v.Label(),
        NameRemovalCase v => v.Label(),
        TransferKind v => v.Label(),
        TransferState v => v.Label(),
        ProbationStanding v => v.Label(),
        CalendarExceptionKind v => v.Label(),
        PartyOrg.Domain.Rating.RatingLevel v => PartyOrg.Domain.Rating.RatingLevels.Label(v),
        PartyOrg.Domain.Rating.RatingSubject v => v switch
        {
            PartyOrg.Domain.Rating.RatingSubject.Collective => "Tập thể",
            PartyOrg.Domain.Rating.RatingSubject.Leader => "Cán bộ lãnh đạo, quản lý",
            PartyOrg.Domain.Rating.RatingSubject.MemberWithoutPost => "Đảng viên không giữ chức vụ",
            _ => "Đảng viên không làm việc trong hệ thống chính trị",
        },
        PartyOrg.Domain.Cadres.HoldingBasis v => PartyOrg.Domain.Cadres.CadreLabels.Label(v),
        PartyOrg.Domain.Cadres.PostBody v => PartyOrg.Domain.Cadres.CadreLabels.Label(v),
        PartyOrg.Domain.Cadres.CadreActKind v => PartyOrg.Domain.Cadres.CadreActs.Label(v),
        PartyOrg.Domain.Cadres.CadreActState v => PartyOrg.Domain.Cadres.CadreActs.Label(v),
        PartyOrg.Domain.Cadres.TrainingLevel v => PartyOrg.Domain.Cadres.TrainingLevels.Label(v),
        PartyOrg.Domain.Cadres.TrainingResult v => PartyOrg.Domain.Cadres.TrainingLevels.Label(v),
        PartyOrg.Domain.Discipline.DisciplineForm v => PartyOrg.Domain.Discipline.DisciplineFormRule.Label(v),
        PartyOrg.Domain.Discipline.ComplaintOutcome v => PartyOrg.Domain.Discipline.DisciplineFormRule.Label(v),
        PartyOrg.Domain.Discipline.DisciplineSubject v => v == PartyOrg.Domain.Discipline.DisciplineSubject.Member ? "Đảng viên" : "Tổ chức đảng",
        TargetSource v => v switch
        {
            TargetSource.Allocated => "Giao",
            TargetSource.Proposed => "Đề xuất",
            _ => v.ToString(),
        },
        _ => value.ToString(),
    };

    public static string Value(bool value) => value ? "Có" : "Không";
}
