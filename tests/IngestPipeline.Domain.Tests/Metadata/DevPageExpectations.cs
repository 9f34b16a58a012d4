namespace IngestPipeline.Domain.Tests.Metadata;

/// <summary>What each dev page's header and signature say, read by hand from the ground-truth pages.</summary>
/// <remarks>
/// Conventions: a TELEGRAM RECEIVED is sent by whoever signs it; a TELEGRAM SENT or RADIOGRAM by the office
/// on its FROM line, whose trailing city is the origin. A "TO:" line is kept as typed ("AMEMBASSY, TEHRAN");
/// the two-line address "Secretary of State, / Washington." gives "Secretary of State".
/// </remarks>
internal sealed record DevExpectation(
    string Page,
    string DocumentType,
    string Origin,
    string Date,
    string? Time,
    string? ReceivedDate,
    string? ReceivedTime,
    string Sender,
    string[] Recipients,
    string? Classification,
    string? TelegramNumber,
    string? FileNumber,
    string? Signature)
{
    private const string Received = "TELEGRAM RECEIVED", Sent = "TELEGRAM SENT";
    private const string Paraphrase = "PARAPHRASE OF TELEGRAM", NavyCable = "PARAPHRASE OF NAVY CABLE";
    private const string Secstate = "THE SECRETARY OF STATE";
    private static readonly string[] AddressBlock = ["Secretary of State"];

    public static readonly IReadOnlyList<DevExpectation> All =
    [
        new("dev00_seed_harriman_1945-07-03", NavyCable, "MOSCOW", "1945-07-03", null, null, null,
            "W. A. HARRIMAN", ["THE PRESIDENT", Secstate], "TOP SECRET", null, null, "LAX"),
        new("dev01_frus1942China_d40", Received, "Chungking", "1942-04-27", null, null, "21:25",
            "VINCENT", AddressBlock, null, "465", "740.0011 Pacific War/2375", "VINCENT"),
        new("dev02_frus1942China_d42", Received, "Chungking", "1942-05-01", "04:00", null, "17:32",
            "VINCENT", AddressBlock, null, "491", "740.0011 Pacific War/2391", "VINCENT"),
        new("dev03_frus1942China_d44", Received, "Chungking", "1942-05-05", "15:00", "1942-05-06", "08:50",
            "GAUSS", AddressBlock, null, "509", "740.0011 Pacific War/2414", "GAUSS"),
        new("dev04_frus1942China_d49", Received, "Chungking", "1942-05-08", "09:00", "1942-05-08", "06:36",
            "GAUSS", AddressBlock, null, "526", "740.0011 Pacific War/2428", "GAUSS"),
        new("dev05_frus1942China_d50", Paraphrase, "CHUNGKING", "1942-05-08", null, null, null,
            "C. E. GAUSS", [Secstate], null, "528", null, "GAUSS"),
        new("dev06_frus1942China_d51", Received, "Chungking", "1942-05-08", "17:00", "1942-05-08", "13:52",
            "GAUSS", AddressBlock, null, "529", "740.0011 Pacific War/2438", "GAUSS"),
        new("dev07_frus1942China_d55", "RADIOGRAM", "WASHINGTON", "1942-05-09", null, null, null,
            "THE CHIEF OF STAFF, WAR DEPARTMENT", ["CHIEF OF THE AMERICAN MILITARY MISSION TO CHINA"], null, "625",
            "740.0011 Pacific War/2642", "MARSHALL"),
        new("dev08_frus1942China_d58", Received, "Chungking", "1942-05-20", "16:00", "1942-05-20", "15:20",
            "GAUSS", AddressBlock, null, "578", "893.24/1331", "GAUSS"),
        new("dev09_frus1943China_d77", Received, "Chungking", "1943-08-14", null, "1943-08-15", "04:00",
            "ATCHESON", AddressBlock, null, "1469", "740.0011 European War 1939/30698", "ATCHESON"),
        new("dev10_frus1943China_d213", Received, "Chungking", "1943-07-07", "14:00", "1943-07-09", "10:12",
            "ATCHESON", AddressBlock, null, "1116", "761.93/1724", "ATCHESON"),
        new("dev11_frus1943China_d216", Paraphrase, "CHUNGKING", "1943-07-09", null, null, null,
            "THE CHARGE IN CHINA (ATCHESON)", [Secstate], null, "1136", null, "ATCHESON"),
        new("dev12_frus1943China_d217", Received, "Moscow", "1943-07-10", "12:00", "1943-07-11", "06:05",
            "STANDLEY", AddressBlock, null, "838", "800.00B Communist International/309", "STANDLEY"),
        new("dev13_frus1943China_d218", Received, "Chungking", "1943-07-13", "16:00", "1943-07-23", "12:41",
            "ATCHESON", AddressBlock, null, "1173", "893.00/15067", "ATCHESON"),
        new("dev14_frus1943China_d222", Received, "Moscow", "1943-07-20", "17:00", "1943-07-21", "00:05",
            "STANDLEY", AddressBlock, null, "896", "800.00B Communist International/312", "STANDLEY"),
        new("dev15_frus1943China_d223", Received, "Chungking", "1943-07-21", "09:00", "1943-07-22", "06:50",
            "ATCHESON", AddressBlock, null, "1240", "893.50/313", "ATCHESON"),
        new("dev16_frus1943China_d225", Received, "Chungking", "1943-07-22", "17:00", "1943-07-22", "16:29",
            "ATCHESON", AddressBlock, null, "1256", "893.00/15066", "ATCHESON"),
        new("dev17_frus1943China_d226", Received, "Chungking", "1943-07-24", "12:00", null, "12:01",
            "ATCHESON", AddressBlock, null, "1276", "740.0011 Pacific War/3352", "ATCHESON"),
        new("dev18_frus1943China_d229", Received, "Chungking", "1943-07-28", "18:00", "1943-07-29", "11:15",
            "ATCHESON", AddressBlock, null, "1325", "740.0011 Pacific War/3363", "ATCHESON"),
        new("dev19_frus1948v05p1_d73", Sent, "WASHINGTON", "1948-03-01", "19:00", null, null,
            Secstate, ["AMEMBASSY, TEHRAN"], "SECRET", "193", "891.20 Missions/2-2648", "MARSHALL"),
        new("dev20_frus1948v05p1_d75", Sent, "WASHINGTON", "1948-03-09", "18:00", null, null,
            Secstate, ["AMEMBASSY, TEHRAN"], "SECRET", "218", "891.105A/2-2548", "MARSHALL"),
        new("dev21_frus1948v05p1_d355", Received, "Paris", "1948-11-10", "22:30", null, null,
            "MARSHALL", ["ACTING SECRETARY OF STATE, WASHINGTON"], "SECRET", "Delga 681", "501.BC Kashmir/11-1048", "MARSHALL"),
        new("dev22_frus1949v07p1_d53", Received, "Hanoi", "1949-06-23", null, null, null,
            "GIBSON", AddressBlock, null, "61", "851G.01/6-2349", "GIBSON"),
        new("dev23_frus1949v07p1_d54", Sent, "WASHINGTON", "1949-06-29", "12:00", null, null,
            Secstate, ["AMCONGEN, SAIGON"], "SECRET", "112", "851G.01/6-2349", "ACHESON"),
        new("dev24_frus1949v07p1_d56", Sent, "WASHINGTON", "1949-06-30", "15:00", null, null,
            Secstate, ["AMEMBASSY, NEW DELHI"], "RESTRICTED", "458", "851G.01/6-3049", "ACHESON"),
        new("dev25_frus1949v07p1_d57", Received, "Saigon", "1949-07-05", "18:00", null, null,
            "ABBOTT", AddressBlock, "SECRET", "221", "851G.01/7-549", "ABBOTT"),
        new("dev26_frus1949v07p1_d80", Received, "Saigon", "1949-11-26", "12:00", null, null,
            "ABBOTT", AddressBlock, "CONFIDENTIAL", "410", "851G.01/11-2649", "ABBOTT"),
        new("dev27_frus1949v07p1_d84", Sent, "WASHINGTON", "1949-12-07", "16:00", null, null,
            Secstate, ["AMEMBASSY, PARIS"], "SECRET", "4702", "851G.01/12-749", "ACHESON"),
        // No signature in FRUS: the page ends in prose, and the sender comes from the header.
        new("dev28_frus1951v07p2_d67", NavyCable, "TAIPEI", "1951-04-11", null, null, null,
            "THE NAVAL ATTACHE AT TAIPEI (JARRETT)", ["COMMANDER SEVENTH FLEET"], "SECRET", "110600Z", null, null),
        new("dev29_frus1951v07p2_d68", Received, "Taipei", "1951-04-11", "18:00", null, null,
            "RANKIN", AddressBlock, "CONFIDENTIAL", "1381", "894A.00-R/4-1151", "RANKIN"),
    ];
}
