namespace IngestPipeline.Domain.Tests.Metadata;

/// <summary>
/// The 30 dev pages (/work/shared/corpus/dev/*.gt.txt), copied here so the tests need no corpus: each
/// page's header lines, the first body line, and the last three lines (where the signature stands).
/// The text between is left out; it carries no metadata.
/// </summary>
internal static class DevPages
{
    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        ["dev00_seed_harriman_1945-07-03"] = """
            PARAPHRASE OF NAVY CABLE FROM MOSCOW JULY 3, 1945
            TOP SECRET
            FROM W. A. HARRIMAN TO
            THE PRESIDENT AND THE SECRETARY OF STATE

            Stalin, in discussing the operation of the Chinese Eastern and South
            interpretation placed on this provision by the United States Government.

            LAX
            """,
        ["dev01_frus1942China_d40"] = """
            TELEGRAM RECEIVED
            740.0011 Pacific War/2375
            FROM: Chungking
            Dated April 27, 1942
            Rec'd 9:25 p.m.
            Secretary of State,
            Washington.

            465. In press interview Director of the Foreign Office Information
            requirement of the entire strategy of the United Nations".

            VINCENT
            """,
        ["dev02_frus1942China_d42"] = """
            TELEGRAM RECEIVED
            740.0011 Pacific War/2391
            FROM: Chungking
            Dated May 1, 1942, 4 a.m.
            Rec'd 5:32 p.m.
            Secretary of State,
            Washington.

            491. Following from Macdonald at Kunming.
            not true and the governor requested that the Department be informed."

            VINCENT
            """,
        ["dev03_frus1942China_d44"] = """
            TELEGRAM RECEIVED
            740.0011 Pacific War/2414
            FROM: Chungking
            Dated May 5, 1942, 3 p.m.
            Rec'd May 6, 8:50 a.m.
            Secretary of State,
            Washington.

            509. The impressions I bring back from India and Burma are far from
            obviously depressed.

            GAUSS
            """,
        ["dev04_frus1942China_d49"] = """
            TELEGRAM RECEIVED
            740.0011 Pacific War/2428
            FROM: Chungking
            Dated May 8, 1942, 9 a.m.
            Rec'd May 8, 6:36 a.m.
            Secretary of State,
            Washington.

            526. According to a confidential report, the
            5 months.

            GAUSS
            """,
        ["dev05_frus1942China_d50"] = """
            PARAPHRASE OF TELEGRAM FROM CHUNGKING MAY 8, 1942
            FROM C. E. GAUSS TO
            THE SECRETARY OF STATE

            528. The collapse of Burma and the present unfavorable military
            of Japan by the Allied Nations.

            GAUSS
            """,
        ["dev06_frus1942China_d51"] = """
            TELEGRAM RECEIVED
            740.0011 Pacific War/2438
            FROM: Chungking
            Dated May 8, 1942, 5 p.m.
            Rec'd May 8, 1:52 p.m.
            Secretary of State,
            Washington.

            529. Reference my 528, May 8, 4 p.m. In conversation with me
            contemplated.

            GAUSS
            """,
        ["dev07_frus1942China_d55"] = """
            RADIOGRAM
            740.0011 Pacific War/2642
            FROM: THE CHIEF OF STAFF, WAR DEPARTMENT, WASHINGTON
            TO: CHIEF OF THE AMERICAN MILITARY MISSION TO CHINA
            May 9, 1942

            625. War Department Policy of giving maximum practicable aid to China remains
            therewith, who are to govern themselves accordingly. Acknowledge.

            MARSHALL
            """,
        ["dev08_frus1942China_d58"] = """
            TELEGRAM RECEIVED
            893.24/1331
            FROM: Chungking
            Dated May 20, 1942, 4 p.m.
            Rec'd May 20, 3:20 p.m.
            Secretary of State,
            Washington.

            578. The first official public expression of concern
            proof that we consider China a vital theatre of the war.

            GAUSS
            """,
        ["dev09_frus1943China_d77"] = """
            TELEGRAM RECEIVED
            740.0011 European War 1939/30698
            FROM: Chungking
            Dated August 14, 1943
            Rec'd August 15, 4 a.m.
            Secretary of State,
            Washington.

            1469. Following are the first 4 paragraphs of a news despatch
            the other Anglo-American Allies."

            ATCHESON
            """,
        ["dev10_frus1943China_d213"] = """
            TELEGRAM RECEIVED
            761.93/1724
            FROM: Chungking
            Dated July 7, 1943, 2 p.m.
            Rec'd July 9, 10:12 a.m.
            Secretary of State,
            Washington.

            1116. Embassy's 1087, July 4, 1 p.m.
            Repeated to Moscow.

            ATCHESON
            """,
        ["dev11_frus1943China_d216"] = """
            PARAPHRASE OF TELEGRAM FROM CHUNGKING JULY 9, 1943
            FROM THE CHARGE IN CHINA (ATCHESON) TO
            THE SECRETARY OF STATE

            1136. Embassy's 1125, July 8, noon. Admiral Yang, Chief of Chinese
            inevitable after the war.

            ATCHESON
            """,
        ["dev12_frus1943China_d217"] = """
            TELEGRAM RECEIVED
            800.00B Communist International/309
            FROM: Moscow
            Dated July 10, 1943, noon
            Rec'd July 11, 6:05 a.m.
            Secretary of State,
            Washington.

            838. Department's 455, June 18, 9 p.m., regarding attitude of Soviet
            its liberty and national independence."

            STANDLEY
            """,
        ["dev13_frus1943China_d218"] = """
            TELEGRAM RECEIVED
            893.00/15067
            FROM: Chungking
            Dated July 13, 1943, 4 p.m.
            Rec'd July 23, 12:41 p.m.
            Secretary of State,
            Washington.

            1173. Embassy's 1136, July 9, 4 p.m. According to Admiral
            reconnaissance of the topography of the region.

            ATCHESON
            """,
        ["dev14_frus1943China_d222"] = """
            TELEGRAM RECEIVED
            800.00B Communist International/312
            FROM: Moscow
            Dated July 20, 1943, 5 p.m.
            Rec'd July 21, 12:05 a.m.
            Secretary of State,
            Washington.

            896. Your 455, June 18, 9 p.m. The following telegram has been
            Sinkiang which is obviously most gratifying to them."

            STANDLEY
            """,
        ["dev15_frus1943China_d223"] = """
            TELEGRAM RECEIVED
            893.50/313
            FROM: Chungking
            Dated July 21, 1943, 9 a.m.
            Rec'd July 22, 6:50 a.m.
            Secretary of State,
            Washington.

            1240. 1. Chungking correspondent New York Times informs us Chang
            Further information expected from Drumright in due course.

            ATCHESON
            """,
        ["dev16_frus1943China_d225"] = """
            TELEGRAM RECEIVED
            893.00/15066
            FROM: Chungking
            Dated July 22, 1943, 5 p.m.
            Rec'd July 22, 4:29 p.m.
            Secretary of State,
            Washington.

            1256. 1. In telegram from Sian dated July 19 Drumright states Civil
            is determined eventually to liquidate the situation.

            ATCHESON
            """,
        ["dev17_frus1943China_d226"] = """
            TELEGRAM RECEIVED
            740.0011 Pacific War/3352
            FROM: Chungking
            Dated July 24, 1943, noon
            Rec'd 12:01 p.m.
            Secretary of State,
            Washington.

            1276. A further [ILLEGIBLE] at Sian dated
            [the] disbandment of Communist government at Yenan.

            ATCHESON
            """,
        ["dev18_frus1943China_d229"] = """
            TELEGRAM RECEIVED
            740.0011 Pacific War/3363
            FROM: Chungking
            Dated July 28, 1943, 6 p.m.
            Rec'd July 29, 11:15 a.m.
            Secretary of State,
            Washington.

            1325. 1. In a telegram dated July 24 from Lanchow, Service
            Tsung-nan.

            ATCHESON
            """,
        ["dev19_frus1948v05p1_d73"] = """
            TELEGRAM SENT
            SECRET
            US URGENT
            891.20 Missions/2-2648
            FROM: THE SECRETARY OF STATE, WASHINGTON
            TO: AMEMBASSY, TEHRAN
            March 1, 1948, 7 p.m.

            193. Iran Min Noury called at Dept Feb. 27 on instruction his
            report developments.

            MARSHALL
            """,
        ["dev20_frus1948v05p1_d75"] = """
            TELEGRAM SENT
            SECRET
            891.105A/2-2548
            FROM: THE SECRETARY OF STATE, WASHINGTON
            TO: AMEMBASSY, TEHRAN
            March 9, 1948, 6 p.m.

            218. State and Army cannot agree with Emb view
            Sent Tehran 218; rptd Moscow 263.

            MARSHALL
            """,
        ["dev21_frus1948v05p1_d355"] = """
            TELEGRAM RECEIVED
            SECRET
            URGENT NIACT
            501.BC Kashmir/11-1048
            FROM: Paris
            Dated November 10, 1948, 10:30 p.m.
            TO: ACTING SECRETARY OF STATE, WASHINGTON

            Delga 681. For Satterthwaite and Mathews from Thurston. Pursuant instructions
            New Delhi as 7. [Thurston.]

            MARSHALL
            """,
        ["dev22_frus1949v07p1_d53"] = """
            TELEGRAM RECEIVED
            851G.01/6-2349
            FROM: Hanoi
            Dated June 23, 1949
            Secretary of State,
            Washington.

            61. Official announcement by Buu [ILLEGIBLE]
            Sent Department 61, repeated Paris, pouched Saigon.

            GIBSON
            """,
        ["dev23_frus1949v07p1_d54"] = """
            TELEGRAM SENT
            SECRET
            851G.01/6-2349
            FROM: THE SECRETARY OF STATE, WASHINGTON
            TO: AMCONGEN, SAIGON
            June 29, 1949, noon

            112. As soon as practicable you shld in your discretion
            have been made available to Pignon.

            ACHESON
            """,
        ["dev24_frus1949v07p1_d56"] = """
            TELEGRAM SENT
            RESTRICTED
            851G.01/6-3049
            FROM: THE SECRETARY OF STATE, WASHINGTON
            TO: AMEMBASSY, NEW DELHI
            June 30, 1949, 3 p.m.

            458. For info and for such use as you may deem appropriate
            Dept sending additional info next few days.

            ACHESON
            """,
        ["dev25_frus1949v07p1_d57"] = """
            TELEGRAM RECEIVED
            SECRET
            851G.01/7-549
            FROM: Saigon
            Dated July 5, 1949, 6 p.m.
            Secretary of State,
            Washington.

            221. In private conversation with Dugardier some days ago said I
            Sent Department, repeated Paris, pouched Hanoi.

            ABBOTT
            """,
        ["dev26_frus1949v07p1_d80"] = """
            TELEGRAM RECEIVED
            CONFIDENTIAL
            851G.01/11-2649
            FROM: Saigon
            Dated November 26, 1949, noon
            Secretary of State,
            Washington.

            410. Following brief comments on Franco-Cambodian Treaty
            [ILLEGIBLE] Paris.

            ABBOTT
            """,
        ["dev27_frus1949v07p1_d84"] = """
            TELEGRAM SENT
            SECRET
            851G.01/12-749
            FROM: THE SECRETARY OF STATE, WASHINGTON
            TO: AMEMBASSY, PARIS
            December 7, 1949, 4 p.m.

            4702. Dept officers immed concerned IC met informally Dec 2
            inner circles that regime.

            ACHESON
            """,
        ["dev28_frus1951v07p2_d67"] = """
            PARAPHRASE OF NAVY CABLE FROM TAIPEI APRIL 11, 1951
            SECRET
            FROM THE NAVAL ATTACHE AT TAIPEI (JARRETT) TO
            COMMANDER SEVENTH FLEET

            110600Z. At his request, I had interview with Generalissimo
            of late Gen Stilwell as Gimos Chief of Staff with demand and strong
            backing of highest level US Govt for Chase take actual control China's
            military.
            """,
        ["dev29_frus1951v07p2_d68"] = """
            TELEGRAM RECEIVED
            CONFIDENTIAL
            894A.00-R/4-1151
            FROM: Taipei
            Dated April 11, 1951, 6 p.m.
            Secretary of State,
            Washington.

            1381. Fol text handed Chi Govt today:
            proportionate to the Amer aid extended.

            RANKIN
            """,
    };
}
