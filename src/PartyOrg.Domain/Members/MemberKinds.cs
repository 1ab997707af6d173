namespace PartyOrg.Domain.Members;

public enum Gender
{
    Male,
    Female,
}

/// <summary>Standing of a member. Exits keep the record: the member stays readable in history.</summary>
public enum MemberStatus
{
    /// <summary>Đảng viên dự bị.</summary>
    Probationary,
    /// <summary>Đảng viên chính thức.</summary>
    Official,
    /// <summary>Xóa tên.</summary>
    NameRemoved,
    /// <summary>Cho ra khỏi Đảng.</summary>
    Released,
    /// <summary>Khai trừ.</summary>
    Expelled,
    /// <summary>Từ trần.</summary>
    Deceased,
}

/// <summary>Trình độ giáo dục phổ thông.</summary>
public enum GeneralEducation
{
    Primary,
    LowerSecondary,
    UpperSecondary,
}

/// <summary>Trình độ chuyên môn cao nhất.</summary>
public enum ProfessionalDegree
{
    None,
    Vocational,
    College,
    Bachelor,
    Master,
    Doctor,
}

/// <summary>Trình độ lý luận chính trị.</summary>
public enum PoliticalTheory
{
    None,
    Elementary,
    Intermediate,
    Advanced,
    Bachelor,
}

public static class MemberKinds
{
    public static bool IsActive(this MemberStatus status) => status is MemberStatus.Probationary or MemberStatus.Official;

    public static string Label(this Gender gender) => gender switch
    {
        Gender.Male => "Nam",
        Gender.Female => "Nữ",
    };

    public static string Label(this MemberStatus status) => status switch
    {
        MemberStatus.Probationary => "Dự bị",
        MemberStatus.Official => "Chính thức",
        MemberStatus.NameRemoved => "Đã xóa tên",
        MemberStatus.Released => "Đã cho ra khỏi Đảng",
        MemberStatus.Expelled => "Đã khai trừ",
        MemberStatus.Deceased => "Đã từ trần",
    };

    public static string Label(this GeneralEducation level) => level switch
    {
        GeneralEducation.Primary => "Tiểu học",
        GeneralEducation.LowerSecondary => "Trung học cơ sở",
        GeneralEducation.UpperSecondary => "Trung học phổ thông",
    };

    public static string Label(this ProfessionalDegree degree) => degree switch
    {
        ProfessionalDegree.None => "Chưa qua đào tạo",
        ProfessionalDegree.Vocational => "Trung cấp",
        ProfessionalDegree.College => "Cao đẳng",
        ProfessionalDegree.Bachelor => "Đại học",
        ProfessionalDegree.Master => "Thạc sĩ",
        ProfessionalDegree.Doctor => "Tiến sĩ",
    };

    public static string Label(this PoliticalTheory level) => level switch
    {
        PoliticalTheory.None => "Chưa học",
        PoliticalTheory.Elementary => "Sơ cấp",
        PoliticalTheory.Intermediate => "Trung cấp",
        PoliticalTheory.Advanced => "Cao cấp",
        PoliticalTheory.Bachelor => "Cử nhân",
    };
}
