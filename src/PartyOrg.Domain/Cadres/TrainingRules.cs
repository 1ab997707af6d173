using PartyOrg.Domain.Members;

namespace PartyOrg.Domain.Cadres;

/// <summary>The programmes cadres are sent to (đào tạo, bồi dưỡng), grouped by track.</summary>
public enum TrainingLevel
{
    TheoryElementary,
    TheoryIntermediate,
    TheoryAdvanced,
    TheoryBachelor,
    StateOfficer,
    StatePrincipalOfficer,
    StateSeniorOfficer,
    DefenceGroup1,
    DefenceGroup2,
    DefenceGroup3,
    DefenceGroup4,
    PostUpdate,
    Master,
    Doctor,
}

public enum TrainingTrack
{
    PoliticalTheory,
    StateManagement,
    DefenceSecurity,
    PostUpdate,
    Degree,
}

/// <summary>Where an enrolment stands: studying, finished with its certificate, or left without finishing.</summary>
public enum TrainingResult
{
    Studying,
    Completed,
    NotCompleted,
}

public static class TrainingLevels
{
    public static TrainingTrack Track(this TrainingLevel level) => level switch
    {
        <= TrainingLevel.TheoryBachelor => TrainingTrack.PoliticalTheory,
        <= TrainingLevel.StateSeniorOfficer => TrainingTrack.StateManagement,
        <= TrainingLevel.DefenceGroup4 => TrainingTrack.DefenceSecurity,
        TrainingLevel.PostUpdate => TrainingTrack.PostUpdate,
        _ => TrainingTrack.Degree,
    };

    public static string Label(this TrainingLevel level) => level switch
    {
        TrainingLevel.TheoryElementary => "Sơ cấp lý luận chính trị",
        TrainingLevel.TheoryIntermediate => "Trung cấp lý luận chính trị",
        TrainingLevel.TheoryAdvanced => "Cao cấp lý luận chính trị",
        TrainingLevel.TheoryBachelor => "Cử nhân chính trị",
        TrainingLevel.StateOfficer => "Quản lý nhà nước ngạch chuyên viên",
        TrainingLevel.StatePrincipalOfficer => "Quản lý nhà nước ngạch chuyên viên chính",
        TrainingLevel.StateSeniorOfficer => "Quản lý nhà nước ngạch chuyên viên cao cấp",
        TrainingLevel.DefenceGroup1 => "Kiến thức quốc phòng và an ninh đối tượng 1",
        TrainingLevel.DefenceGroup2 => "Kiến thức quốc phòng và an ninh đối tượng 2",
        TrainingLevel.DefenceGroup3 => "Kiến thức quốc phòng và an ninh đối tượng 3",
        TrainingLevel.DefenceGroup4 => "Kiến thức quốc phòng và an ninh đối tượng 4",
        TrainingLevel.PostUpdate => "Bồi dưỡng cập nhật kiến thức theo chức danh",
        TrainingLevel.Master => "Thạc sĩ",
        TrainingLevel.Doctor => "Tiến sĩ",
        _ => level.ToString(),
    };

    public static string Label(this TrainingTrack track) => track switch
    {
        TrainingTrack.PoliticalTheory => "Lý luận chính trị",
        TrainingTrack.StateManagement => "Quản lý nhà nước",
        TrainingTrack.DefenceSecurity => "Quốc phòng và an ninh",
        TrainingTrack.PostUpdate => "Cập nhật kiến thức",
        TrainingTrack.Degree => "Chuyên môn sau đại học",
        _ => track.ToString(),
    };

    public static string Label(this TrainingResult result) => result switch
    {
        TrainingResult.Studying => "Đang học",
        TrainingResult.Completed => "Hoàn thành",
        TrainingResult.NotCompleted => "Không hoàn thành",
        _ => result.ToString(),
    };
}

/// <summary>
/// A completed course raises the level the member's record holds (trình độ lý luận chính trị, chuyên môn: items of the member form
/// 2-HSĐV, HD 12-HD/BTCTW 2022): a theory course to its level, a master's or doctorate to that degree. The record never goes down:
/// a course below the level already held leaves it as it is. Returns null when the record does not change.
/// </summary>
public static class TrainingRecordRule
{
    public static PoliticalTheory? RaisedTheory(TrainingLevel level, PoliticalTheory held)
    {
        PoliticalTheory? reached = level switch
        {
            TrainingLevel.TheoryElementary => PoliticalTheory.Elementary,
            TrainingLevel.TheoryIntermediate => PoliticalTheory.Intermediate,
            TrainingLevel.TheoryAdvanced => PoliticalTheory.Advanced,
            TrainingLevel.TheoryBachelor => PoliticalTheory.Bachelor,
            _ => null,
        };
        return reached is { } r && r > held ? r : null;
    }

    public static ProfessionalDegree? RaisedDegree(TrainingLevel level, ProfessionalDegree held)
    {
        ProfessionalDegree? reached = level switch
        {
            TrainingLevel.Master => ProfessionalDegree.Master,
            TrainingLevel.Doctor => ProfessionalDegree.Doctor,
            _ => null,
        };
        return reached is { } r && r > held ? r : null;
    }
}
