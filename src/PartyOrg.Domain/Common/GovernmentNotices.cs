namespace PartyOrg.Domain.Common;

/// <summary>
/// The government's decisions on days off for 2025 and 2026 that differ from <see cref="PublicHolidayRule"/> (its
/// statutory days and conventions), shipped as the first exceptions of the calendar. Read in the press reports of the
/// decisions (vtv9.vtv.vn and dantocmiennui.baotintuc.vn for 8726/VPCP-KGVX; collector.com.tr and tracuuquyhoach.com for
/// 12729/VPCP-KGVX; phapluatmedia.vn, kienthuc.net.vn and vietbao.vn for 9859/VPCP-KGVX, 8764/BNV-CVL and Thông báo 9441).
/// The Ministry of Labour's own notice for 2025 was reported (3/12/2024) without its number: "chưa tìm thấy văn bản".
/// </summary>
public static class GovernmentNotices
{
    public const string Vpcp8726 =
        "Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (ý kiến Thủ tướng Chính phủ); thông báo của Bộ LĐTBXH (số: chưa tìm thấy văn bản)";
    public const string Vpcp12729 =
        "Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (Phó Thủ tướng đồng ý phương án của Bộ Nội vụ)";
    public const string Vpcp9859 =
        "Công văn 9859/VPCP-KGVX ngày 13/10/2025 của Văn phòng Chính phủ (đồng ý đề xuất 8764/BNV-CVL ngày 01/10/2025); Thông báo 9441 ngày 16/10/2025 của Bộ Nội vụ";

    public static readonly IReadOnlyList<CalendarException> Shipped =
    [
        new(new(2025, 1, 27), CalendarExceptionKind.DayOff, "Tết Âm lịch Ất Tỵ (28 tháng Chạp): Tết xếp từ 27/01 đến hết 31/01/2025", Vpcp8726),
        new(new(2025, 2, 3), CalendarExceptionKind.WorkingDay, "Làm việc bình thường: Tết Ất Tỵ xếp từ 27/01 đến 31/01/2025 nên không có ngày nghỉ bù", Vpcp8726),
        new(new(2025, 4, 26), CalendarExceptionKind.WorkingDay, "Làm bù cho ngày nghỉ thứ Sáu 02/05/2025", Vpcp8726),
        new(new(2025, 5, 2), CalendarExceptionKind.DayOff, "Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/04/2025)", Vpcp8726),
        new(new(2026, 1, 2), CalendarExceptionKind.DayOff, "Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)", Vpcp12729),
        new(new(2026, 1, 10), CalendarExceptionKind.WorkingDay, "Làm bù cho ngày nghỉ thứ Sáu 02/01/2026", Vpcp12729),
        new(new(2026, 8, 22), CalendarExceptionKind.WorkingDay, "Làm bù cho ngày nghỉ thứ Hai 31/08/2026", Vpcp9859),
        new(new(2026, 8, 31), CalendarExceptionKind.DayOff, "Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)", Vpcp9859),
    ];

    /// <summary>Decisions read that agree with the statutory days and conventions, so they need no exception.</summary>
    public static IReadOnlyList<string> AgreeingDecisions(int year) => year switch
    {
        2025 => [
            "Quốc khánh 2025: nghỉ 01/09 và 02/09 (" + Vpcp8726 + ") — trùng quy ước mặc định.",
        ],
        2026 => [
            "Tết Âm lịch Bính Ngọ: nghỉ từ thứ Hai 16/02 (29 tháng Chạp) đến hết thứ Sáu 20/02/2026 (" + Vpcp9859 + ") — trùng quy ước mặc định.",
            "Quốc khánh 2026: nghỉ 01/09 và 02/09 (" + Vpcp9859 + ") — trùng quy ước mặc định; hoán đổi 31/08 ghi ở ngoại lệ.",
            "Giỗ Tổ Hùng Vương 26/04/2026 là Chủ nhật: nghỉ bù thứ Hai 27/04 theo Điều 111 khoản 3.",
        ],
        _ => [],
    };
}
