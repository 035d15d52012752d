package com.europages.loadbce.sample;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Makes the values of one generated event: the distributions (skew, nulls, NaN, bad values) live here. The value pools
 * are built once and shared by every writer thread, so each value is a byte-array-backed Binary: reading one never
 * moves state (a ByteBuffer-backed Binary from Binary.fromString moves its buffer's position on every getBytes, and
 * writers sharing one failed at random in their statistics).
 */
final class EventFactory {
    private static final MessageType S = PianoEventSchema.SCHEMA;

    private static final Binary[] EVENT_NAMES = bins("page.display", "page.display", "page.display", "page.display",
            "page.display", "page.display", "click.action", "click.navigation", "click.exit", "publisher.impression",
            "internal_search_result.display", "transaction.confirmation", "click.download");
    private static final Binary[] LEVEL2 = bins("Home", "Search", "Company profile", "Products", "Catalogues", "Contact");
    private static final Binary[] USER_CATEGORY = bins("buyer", "supplier", "unknown", "premium supplier");
    private static final String[] WORDS = {"machines", "pièces", "détachées", "Hersteller", "Großhandel", "emballage",
            "textile", "acier", "Kunststoff", "électronique", "logistique", "bois", "chimie", "équipements", "Zubehör",
            "agroalimentaire", "outillage", "services", "industriel", "fournisseurs", "Maschinenbau", "médical",
            "énergie", "imprimerie", "café", "sécurité", "Ölhydraulik", "mobilier", "über", "naïve"};
    private static final Binary[] CHAPTER1 = bins("products", "companies", "search", "catalogues", "news", "account");
    private static final Binary[] DEVICE_TYPE = bins("desktop", "desktop", "mobile phone", "mobile phone", "tablet", "bot");
    private static final Binary[] DEVICE_BRAND = bins("Apple", "Samsung", "Google", "Xiaomi", "Huawei", "Dell", "Lenovo", "HP");
    private static final Binary[] BROWSER = bins("Chrome", "Chrome", "Chrome", "Safari", "Firefox", "Edge", "Opera", "Samsung Internet");
    private static final Binary[] OS = bins("Windows", "Windows", "Android", "iOS", "macOS", "Linux", "Chrome OS");
    private static final String[] OS_MAJOR = {"10", "11", "14", "17", "13", "", "12"};
    private static final Binary[] COUNTRY = bins("France", "Germany", "Italy", "Spain", "Belgium", "Netherlands",
            "Poland", "United Kingdom", "Türkiye", "Österreich", "Schweiz", "Česko", "United States", "China");
    private static final Binary[] REGION = bins("Île-de-France", "Bayern", "Lombardia", "Cataluña", "Bruxelles-Capitale",
            "Noord-Holland", "Mazowieckie", "England", "İstanbul", "Wien", "Zürich", "Praha", "California", "Guangdong");
    private static final Binary[] CITY = bins("Paris", "München", "Milano", "Barcelona", "Bruxelles", "Amsterdam",
            "Warszawa", "London", "İstanbul", "Wien", "Zürich", "Praha", "San Francisco", "Shenzhen", "Lyon", "Köln");
    private static final Binary[] SRC = bins("Direct traffic", "Search engines", "Search engines", "Referrer sites",
            "Email marketing", "Social media", "Campaigns");
    private static final Binary[] SRC_DETAIL = bins("Google", "Bing", "DuckDuckGo", "Ecosia", "linkedin.com", "newsletter");
    private static final Binary[] CAMPAIGN = bins("spring-sale", "ep-ads-2026", "retargeting_fr", "brand_de");
    private static final Binary[] LANGUAGE = bins("fr", "de", "en", "it", "es", "nl", "pl", "fr-FR", "de-DE", "english-uk-long");
    private static final String[] IS_BOT = {"false", "false", "false", "false", "false", "0", "true", "1", "FALSE", "yes", " t"};
    private static final String[] BAD_NUMBERS = {"n/a", "", "12x", " 7 ", "-", "NaN", "1e3", "0x1F", "99999999999"};
    private static final Binary[] TAGS = bins("valves", "pumps", "steel", "pièces", "bio", "ISO-9001", "export", "OEM",
            "made-in-france", "Großhandel", "packaging", "3D printing");
    private static final int PAGE_POOL = 5000;

    private final SplittableRandom random;
    private final long hourStartMicros;
    private static final Binary[] PAGES = new Binary[PAGE_POOL];
    private static final Binary[] URLS = new Binary[PAGE_POOL];
    private static final Binary[] SMALL_NUMBERS = new Binary[DataFlowGenerator.COMPANY_ID_RANGE + 1];
    private static final Binary[] MODELS = new Binary[300];
    private static final Binary[] VERSIONS = new Binary[400];
    private static final Binary[] CHAPTER3 = new Binary[WORDS.length * 50];
    private static final Binary[] KEYWORDS = new Binary[WORDS.length * WORDS.length];

    static {
        SplittableRandom pageRandom = new SplittableRandom(42);
        for (int i = 0; i < PAGE_POOL; i++) {
            String page = pageName(pageRandom, i);
            PAGES[i] = utf8(page);
            URLS[i] = utf8("https://www.europages.fr/" + page.replace("::", "/") + ".html");
        }
        for (int i = 0; i < SMALL_NUMBERS.length; i++) {
            SMALL_NUMBERS[i] = utf8(Integer.toString(i));
        }
        for (int i = 0; i < MODELS.length; i++) {
            MODELS[i] = utf8("Model " + i);
        }
        for (int i = 0; i < VERSIONS.length; i++) {
            VERSIONS[i] = utf8((90 + i / 10) + "." + i % 10);
        }
        for (int i = 0; i < CHAPTER3.length; i++) {
            CHAPTER3[i] = utf8(WORDS[i / 50] + "-" + i % 50);
        }
        for (int i = 0; i < KEYWORDS.length; i++) {
            KEYWORDS[i] = utf8(WORDS[i / WORDS.length] + " " + WORDS[i % WORDS.length]);
        }
    }

    private final Binary dateText;
    private final byte[] hex = new byte[36];
    private final long baseVisit;

    private final int fEventName = idx("event_name"), fEventId = idx("event_id"), fEventTime = idx("event_time"),
            fEventTimeUtc = idx("event_time_utc"), fDate = idx("date"), fPosition = idx("event_position"),
            fIndex = idx("event_index"), fSite = idx("site_id"), fLevel2 = idx("site_level2"),
            fVisitor = idx("visitor_id"), fVisitorNew = idx("visitor_new"), fVisit = idx("visit_id"),
            fVisitStart = idx("visit_time_start"), fVisitDuration = idx("visit_duration"),
            fPageViews = idx("visit_page_views"), fBounce = idx("visit_bounce"), fUserCat = idx("user_category"),
            fPage = idx("page"), fCh1 = idx("page_chapter1"), fCh2 = idx("page_chapter2"), fCh3 = idx("page_chapter3"),
            fUrl = idx("page_url"), fPageDuration = idx("page_duration"), fLoad = idx("page_load_time"),
            fScroll = idx("page_scroll_depth"), fDevType = idx("device_type"), fDevBrand = idx("device_brand"),
            fDevModel = idx("device_model"), fWidth = idx("device_screen_width"), fHeight = idx("device_screen_height"),
            fBrowser = idx("browser"), fBrowserVersion = idx("browser_version"), fOs = idx("os"),
            fOsMajor = idx("os_version_major"), fCountry = idx("geo_country"), fRegion = idx("geo_region"),
            fCity = idx("geo_city"), fLat = idx("geo_latitude"), fLon = idx("geo_longitude"), fSrc = idx("src"),
            fSrcDetail = idx("src_detail"), fReferrer = idx("src_referrer_url"), fCampaign = idx("src_campaign"),
            fKeyword = idx("ise_keyword"), fTurnover = idx("transaction_turnover"), fCart = idx("cart_total"),
            fQuantity = idx("product_quantity"), fScore = idx("hit_score"), fCompany = idx("ep_company_id"),
            fTags = idx("ep_product_tags"), fSearchResults = idx("ep_search_results"),
            fCategory = idx("ep_category_id"), fLanguage = idx("ep_language"), fBot = idx("ep_is_bot"),
            fOutbound = idx("ep_click_outbound"), fConsent = idx("privacy_consent"), fRaw = idx("hit_raw"),
            fDebug = idx("ep_debug_flags");

    EventFactory(SplittableRandom random, LocalDate day, int hour, int part) {
        this.random = random;
        this.hourStartMicros = DataFlowGenerator.dayStartMicros(day) + hour * 3_600_000_000L;
        this.dateText = utf8(day.toString());
        this.baseVisit = (day.toEpochDay() * 24 + hour) * 100_000_000L + part * 10_000_000L;
    }

    private static int idx(String name) {
        return S.getFieldIndex(name);
    }

    private static Binary[] bins(String... values) {
        Binary[] b = new Binary[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = utf8(values[i]);
        }
        return b;
    }

    /** UTF-8 bytes in a byte-array-backed Binary, safe to share between threads (see the class comment). */
    private static Binary utf8(String s) {
        return Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Page names: mostly short, a few long (accented, longer than varchar(255) in bytes) to exercise truncation. */
    private static String pageName(SplittableRandom r, int i) {
        int words = i % 97 == 0 ? 40 + r.nextInt(20) : 1 + r.nextInt(5);
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                b.append(w % 3 == 0 ? "::" : "_");
            }
            b.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.append('_').append(i).toString();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** An index skewed towards 0 (a few values are very frequent, as page names and companies are). */
    private int skewed(int n) {
        double u = random.nextDouble();
        return (int) (n * u * u * u);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A random UUID-like id (8-4-4-4-12 hex digits), written without String round trips. */
    private Binary uuid(long a, long b) {
        byte[] out = new byte[36];
        byte[] h1 = hex(a, 16).clone();
        byte[] h2 = hex(b, 16);
        int[] groups = {8, 4, 4, 4, 12};
        int src = 0;
        int pos = 0;
        for (int g = 0; g < groups.length; g++) {
            for (int i = 0; i < groups[g]; i++, src++) {
                out[pos++] = src < 16 ? h1[src] : h2[src - 16];
            }
            if (g < groups.length - 1) {
                out[pos++] = '-';
            }
        }
        return Binary.fromConstantByteArray(out);
    }

    private byte[] hex(long v, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            hex[i] = (byte) Character.forDigit((int) (v & 0xF), 16);
            v >>>= 4;
        }
        return hex;
    }

    /** yyyy-MM-dd?HH:mm:ss of a UTC epoch second. */
    private static Binary timestampText(long epochSecond, char separator) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        byte[] b = new byte[19];
        put(b, 0, t.getYear(), 4);
        b[4] = '-';
        put(b, 5, t.getMonthValue(), 2);
        b[7] = '-';
        put(b, 8, t.getDayOfMonth(), 2);
        b[10] = (byte) separator;
        put(b, 11, t.getHour(), 2);
        b[13] = ':';
        put(b, 14, t.getMinute(), 2);
        b[16] = ':';
        put(b, 17, t.getSecond(), 2);
        return Binary.fromConstantByteArray(b);
    }

    private static void put(byte[] b, int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            b[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    void fill(EventRow row, long r) {
        row.clear();
        long micros = hourStartMicros + random.nextLong(3_600_000_000L);
        long visit = baseVisit + r / 8;
        row.setBinary(fEventName, pick(EVENT_NAMES));
        row.setBinary(fEventId, uuid(random.nextLong(), random.nextLong()));
        if (!chance(0.001)) {
            row.setBinary(fEventTime, DataFlowGenerator.int96(micros));
        }
        row.setLong(fEventTimeUtc, Math.floorDiv(micros, 1000));
        row.setBinary(fDate, chance(0.002) ? utf8(chance(0.5) ? "2026-02-30" : "yesterday") : dateText);
        row.setLong(fPosition, chance(0.0005) ? 40_000 + random.nextInt(1000) : 1 + random.nextInt(30));
        row.setLong(fIndex, r);
        row.setLong(fSite, 601_234 + random.nextInt(3));
        row.setBinary(fLevel2, pick(LEVEL2));
        if (!chance(0.01)) {
            row.setBinary(fVisitor, Binary.fromConstantByteArray(java.util.Arrays.copyOf(hex(random.nextLong(), 12), 12)));
        }
        if (!chance(0.05)) {
            row.setBoolean(fVisitorNew, chance(0.3));
        }
        row.setLong(fVisit, visit);
        row.setBinary(fVisitStart, chance(0.003) ? utf8("--")
                : timestampText(micros / 1_000_000 - random.nextInt(1800), chance(0.5) ? 'T' : ' '));
        row.setDouble(fVisitDuration, chance(0.02) ? Double.NaN : random.nextDouble() * 3_600_000);
        if (!chance(0.03)) {
            row.setBinary(fPageViews, chance(0.01) ? utf8(pick(BAD_NUMBERS)) : SMALL_NUMBERS[1 + skewed(40)]);
        }
        row.setLong(fBounce, chance(0.4) ? 1 : 0);
        row.setBinary(fUserCat, chance(0.2) ? null : pick(USER_CATEGORY));
        row.setBinary(fPage, chance(0.01) ? null : PAGES[skewed(PAGE_POOL)]);
        row.setBinary(fCh1, pick(CHAPTER1));
        row.setBinary(fCh2, chance(0.3) ? null : utf8(WORDS[skewed(WORDS.length)]));
        row.setBinary(fCh3, chance(0.6) ? null : CHAPTER3[random.nextInt(CHAPTER3.length)]);
        row.setBinary(fUrl, URLS[skewed(PAGE_POOL)]);
        if (!chance(0.1)) {
            row.setLong(fPageDuration, chance(0.0005) ? 5_000_000_000L : random.nextInt(600_000));
        }
        row.setDouble(fLoad, chance(0.02) ? Float.NaN : (float) (50 + random.nextDouble() * 5000));
        if (!chance(0.05)) {
            row.setDouble(fScroll, chance(0.01) ? Double.NaN : random.nextDouble());
        }
        row.setBinary(fDevType, pick(DEVICE_TYPE));
        row.setBinary(fDevBrand, chance(0.1) ? null : pick(DEVICE_BRAND));
        row.setBinary(fDevModel, chance(0.3) ? null : MODELS[skewed(MODELS.length)]);
        row.setLong(fWidth, 320 + random.nextInt(3500));
        row.setLong(fHeight, chance(0.0005) ? 70_000 : 480 + random.nextInt(2000));
        row.setBinary(fBrowser, pick(BROWSER));
        row.setBinary(fBrowserVersion, VERSIONS[random.nextInt(VERSIONS.length)]);
        row.setBinary(fOs, pick(OS));
        row.setBinary(fOsMajor, utf8(chance(0.003) ? "x86" : OS_MAJOR[random.nextInt(OS_MAJOR.length)]));
        int geo = skewed(COUNTRY.length);
        row.setBinary(fCountry, chance(0.02) ? null : COUNTRY[geo]);
        row.setBinary(fRegion, chance(0.05) ? null : REGION[geo]);
        row.setBinary(fCity, chance(0.05) ? null : pick(CITY));
        if (!chance(0.05)) {
            row.setDouble(fLat, chance(0.005) ? Double.NaN : -60 + random.nextDouble() * 130);
            row.setDouble(fLon, (float) (-180 + random.nextDouble() * 360));
        }
        row.setBinary(fSrc, pick(SRC));
        row.setBinary(fSrcDetail, chance(0.4) ? null : pick(SRC_DETAIL));
        row.setBinary(fReferrer, chance(0.5) ? null : URLS[random.nextInt(PAGE_POOL)]);
        row.setBinary(fCampaign, chance(0.9) ? null : pick(CAMPAIGN));
        row.setBinary(fKeyword, chance(0.7) ? null : KEYWORDS[skewed(KEYWORDS.length)]);
        if (chance(0.03)) {
            row.setDouble(fTurnover, chance(0.1) ? Double.NaN : Math.round(random.nextDouble() * 5_000_000) / 1000.0);
        }
        if (chance(0.05)) {
            row.setBinary(fCart, utf8(chance(0.05) ? "12,50" : String.format(java.util.Locale.ROOT, "%.5f", random.nextDouble() * 10_000)));
        }
        if (chance(0.05)) {
            row.setLong(fQuantity, chance(0.01) ? 100_000 : 1 + random.nextInt(50));
        }
        row.setDouble(fScore, chance(0.01) ? Float.NaN : (float) random.nextGaussian());
        if (!chance(0.15)) {
            row.setBinary(fCompany, chance(0.005) ? utf8(pick(BAD_NUMBERS))
                    : SMALL_NUMBERS[1 + skewed(DataFlowGenerator.COMPANY_ID_RANGE)]);
        }
        if (!chance(0.4)) {
            int n = random.nextInt(5);
            Binary[] tags = new Binary[n];
            for (int i = 0; i < n; i++) {
                tags[i] = chance(0.05) ? null : pick(TAGS);
            }
            row.setList(fTags, tags);
        }
        if (chance(0.2)) {
            row.setLong(fSearchResults, random.nextInt(500));
        }
        if (!chance(0.1)) {
            row.setLong(fCategory, 100 + skewed(900));
        }
        row.setBinary(fLanguage, pick(LANGUAGE));
        row.setBinary(fBot, utf8(chance(0.004) ? "maybe" : IS_BOT[random.nextInt(IS_BOT.length)]));
        row.setLong(fOutbound, chance(0.05) ? 1 : 0);
        if (!chance(0.1)) {
            row.setBoolean(fConsent, chance(0.7));
        }
        row.setBinary(fRaw, SMALL_NUMBERS[(int) (r % SMALL_NUMBERS.length)]);
        row.setLong(fDebug, random.nextLong());
    }
}
