namespace Nyckelfri.Demo;

/// <summary>
/// Word lists for the demo: common Swedish names by generation, and invented streets, firms and
/// housing associations of the fictional town. Any likeness to a real person or firm is chance.
/// </summary>
internal static class SwedishNames
{
    public const string Town = "Demostad";

    /// <summary>Names common among people born 1925–1960: most clients.</summary>
    public static readonly string[] OlderWomen =
    [
        "Margareta", "Elisabeth", "Ingrid", "Birgitta", "Karin", "Kerstin", "Marianne", "Gunilla",
        "Ulla", "Inger", "Gunnel", "Britt", "Barbro", "Anna-Lisa", "Maj-Britt", "Sonja", "Elsa",
        "Astrid", "Gun", "Siv", "Berit", "Solveig", "Ingegerd", "Agneta", "Margit", "Rut", "Greta",
        "Dagny", "Alice", "Märta", "Ebba", "Signe", "Vera", "Irma", "Lilly", "Gudrun", "Aina",
        "Majken", "Viola", "Ann-Marie", "Helvi", "Aino",
    ];

    public static readonly string[] OlderMen =
    [
        "Karl", "Lars", "Bengt", "Gunnar", "Sven", "Rolf", "Göran", "Bo", "Lennart", "Kjell", "Per",
        "Hans", "Stig", "Åke", "Bertil", "Erik", "Ingvar", "Leif", "Arne", "Sture", "Olle", "Gösta",
        "Harry", "Evert", "Tage", "Rune", "Nils", "Allan", "Sune", "Kurt", "Ove", "Folke", "Holger",
        "Einar", "Yngve", "Birger", "Valter", "Sixten", "Pentti", "Jovan",
    ];

    /// <summary>Names of people born 1960–2005: staff, and the few younger clients.</summary>
    public static readonly string[] YoungerWomen =
    [
        "Anna", "Maria", "Sara", "Emma", "Johanna", "Linnea", "Elin", "Hanna", "Ida", "Josefin",
        "Malin", "Jenny", "Tove", "Camilla", "Sofia", "Jessica", "Therese", "Frida", "Madeleine",
        "Amina", "Fatima", "Aisha", "Leila", "Nour", "Zahra", "Hodan", "Ayan", "Selma", "Lejla",
        "Mirela", "Aida", "Tiina", "Merja", "Roza", "Samira", "Yasmin", "Daniela", "Ewa", "Nadia",
    ];

    public static readonly string[] YoungerMen =
    [
        "Johan", "Anders", "Mikael", "Daniel", "Jonas", "Erik", "Andreas", "Fredrik", "Marcus",
        "Niklas", "Oskar", "Viktor", "Simon", "Emil", "Mohammed", "Ali", "Ahmed", "Yusuf", "Hamid",
        "Samir", "Omar", "Abdi", "Tomasz", "Dragan", "Kenan", "Mehmet", "Jari", "Robin",
    ];

    public static readonly string[] LastNames =
    [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
        "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson",
        "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström", "Lindqvist",
        "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist",
        "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg",
        "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman",
        "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson", "Bergqvist",
        "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg", "Nyberg", "Blomqvist",
        "Claesson", "Nordström", "Mårtensson", "Lundström", "Viklund", "Björklund", "Eliasson",
        "Pålsson", "Berggren", "Sandström", "Nordin", "Ström", "Åberg", "Falk", "Ekström",
        "Hermansson", "Holmgren", "Dahlberg", "Hellström", "Hedlund", "Sundberg", "Sjögren", "Blom",
        "Abrahamsson", "Martinsson", "Öberg", "Andreasson", "Strömberg", "Månsson", "Åkesson",
        "Dahl", "Lindholm", "Norberg", "Holmqvist", "Virtanen", "Korhonen", "Nieminen", "Petrović",
        "Hodžić", "Kowalski", "Ali", "Mohamed", "Hassan", "Ahmed", "Yilmaz", "Haddad", "Rahimi",
    ];

    /// <summary>Streets of the fictional town, by postal area: postal code prefix and district.</summary>
    public static readonly (string District, string PostalPrefix, string[] Streets)[] Districts =
    [
        ("Centrum", "123 3", ["Storgatan", "Kyrkogatan", "Drottninggatan", "Tingsgatan", "Hantverkargatan",
            "Västra Torggatan", "Gästgivaregatan", "Bryggaregatan", "Postgatan"]),
        ("Norrby", "123 5", ["Lindvägen", "Björkvägen", "Granvägen", "Tallstigen", "Rönnvägen",
            "Lönngatan", "Norra Långgatan", "Idrottsvägen"]),
        ("Söderäng", "123 6", ["Ängsvägen", "Blåklintsvägen", "Klövervägen", "Vallmovägen",
            "Gullvivevägen", "Solrosvägen", "Södra Vägen"]),
        ("Västerhöjd", "123 7", ["Syrénvägen", "Hasselgatan", "Almgatan", "Kastanjevägen",
            "Ekbacken", "Prästgårdsgatan", "Skolgatan"]),
        ("Österdal", "123 8", ["Sjövägen", "Strandvägen", "Mjölnarvägen", "Smedjegatan",
            "Fabriksgatan", "Östra Ringvägen"]),
    ];

    public static readonly string[] HousingCompanies =
    [
        "Fastighets AB Granhöjden", "Stenvalvet Fastigheter AB", "Bostads AB Ekbacken",
        "Norrby Hyreshus AB", "Tornbergs Fastighetsförvaltning AB", "Demo Bostäder Holding AB",
        "Seniorboende i Demostad AB",
    ];

    public static readonly string[] HousingAssociations =
    [
        "Brf Linden", "Brf Kastanjen", "Brf Solgläntan", "Brf Rönnbäret", "Brf Ängsbacken",
        "Brf Sjöutsikten", "Brf Smedjan", "Brf Tallkotten", "Brf Blåklinten", "Brf Klövern",
        "Brf Hasseln", "Brf Prästgården", "Brf Kvarnen", "Brf Tingshuset", "Brf Vallmon",
        "Brf Strandängen", "Brf Almen", "Brf Gästgivaren", "Brf Björkdungen", "Brf Syrenen",
        "Brf Norrgläntan", "Brf Fabriken", "Brf Gullvivan", "Brf Torget", "Brf Lönnen",
        "Brf Ekbacken 2",
    ];

    public const string MunicipalHousingCompany = "Demostadshem AB";

    /// <summary>"Åsa Öberg" → "asa.oberg", for fictional e-mail addresses.</summary>
    public static string EmailLocalPart(string firstName, string lastName) =>
        Ascii($"{firstName}.{lastName}".ToLowerInvariant().Replace(' ', '.'));

    public static string Ascii(string text) => new(text.Select(c => c switch
    {
        'å' or 'ä' or 'á' or 'à' => 'a',
        'ö' or 'ø' => 'o',
        'é' or 'è' => 'e',
        'ü' => 'u',
        'ć' or 'č' => 'c',
        'ž' => 'z',
        'š' => 's',
        _ => c,
    }).Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-').ToArray());
}
