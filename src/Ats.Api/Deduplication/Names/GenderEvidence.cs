namespace Ats.Api.Deduplication.Names;

/// <summary>Which part of a name decided a <see cref="GenderGuess"/>, strongest first.</summary>
public enum GenderEvidence
{
    /// <summary>Nothing in the name tells the gender (Саша Шевченко).</summary>
    None,

    /// <summary>-ович/-евич/-ич or -овна/-евна/-ична/-инична (or оглы/кызы): never wrong for Russian names.</summary>
    Patronymic,

    /// <summary>The first name is in the built-in table with one gender.</summary>
    FirstName,

    /// <summary>A gendered surname ending: -ов/-ова, -ин/-ина, -ский/-ская, -ой/-ая.</summary>
    Surname,

    /// <summary>Only the ending of an unlisted first name (-а/-я female, a consonant male): the weakest evidence.</summary>
    FirstNameEnding,
}
