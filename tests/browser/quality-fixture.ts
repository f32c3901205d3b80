/**
 * The site the browser suite runs against: the sample content in content/ as it is,
 * plus, per edition, one story with a lead photo and one without, written to stress
 * the layout (a long headline, an unbreakable URL and word, a table, a quote, lists)
 * and each carrying a word the search test looks for; and one English story of edge
 * cases (a 58-letter word in the headline and a tag, six bylines, markup typed as text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { EditionCode } from '../../src/editions/edition.ts';
import { article, type FixtureFiles, repoRoot } from '../helpers/fixture-site.ts';

export interface EditionStories {
  /** Slug of the story with a lead photo, and of the one without. */
  withPhoto: string;
  withoutPhoto: string;
  /** A word that occurs in the body of `withPhoto` only. */
  searchWord: string;
}

/** Slug of the edge-case story (English edition). */
export const EDGE_CASES = 'harbour-committee';

export const stories: Record<EditionCode, EditionStories> = {
  en: { withPhoto: 'harbour-lighthouse-reopens', withoutPhoto: 'night-noise-limits', searchWord: 'lamplighter' },
  ru: { withPhoto: 'mayak-v-gavani', withoutPhoto: 'nochnye-ogranicheniya-shuma', searchWord: 'смотритель' },
  fa: { withPhoto: 'fanus-bandar', withoutPhoto: 'mahdudiat-seda', searchWord: 'ملوانان' },
};

const LONG_URL = 'https://example.org/valdor/harbour/announcements/2026/lighthouse-reopening-ceremony-programme-and-visitor-information-full-version';

const en = {
  photo: article(
    `
headline: After forty years in the dark, Valdor's harbour lighthouse is lit again — and its last keeper's grandson switched it on
date: 2026-11-26T17:40
byline: [Petra Lind, Tomas Brandt]
credits: [Reuters]
photo:
  src: harbour-lighthouse.jpg
  alt: A white lighthouse with a red lantern room on a stone pier at dusk, with calm water in front of it
  caption: The North Pier lighthouse on Thursday evening, shortly after it was switched on
  credit: Petra Lind/Meridian
summary: The North Pier lighthouse, dark since 1986, is working again after a three-year restoration paid for by residents.
section: culture
tags: [valdor, harbour, heritage]
`,
    `The North Pier lighthouse in Valdor shone again on Thursday evening for the first time since 1986, after a three-year restoration paid for largely by donations from residents.

The lamp was switched on by Anton Vel, whose grandfather was the lighthouse's last lamplighter. "He used to say the light was not his but the sailors'," Mr Vel said. "Tonight I understand what he meant."

> The light was never really about ships. It was about the city saying: we are still here.

## What was restored

| Part | Year built | Work done |
| --- | --- | --- |
| Tower | 1891 | Stone repaired |
| Lantern room | 1923 | Glass replaced |
| Lamp | 2026 | New LED lamp |

1. The tower's stonework was repaired and repainted.
2. The lantern room got new glass and a copper roof.
3. An LED lamp replaced the old paraffin burner.

The harbour authority's programme for the weekend is published at ${LONG_URL}. Guided tours — in the Hafenleuchtturmbesichtigungsprogramm, as the German-speaking volunteers call it — start on Saturday.`,
  ),
  plain: article(
    `
headline: Valdor sets night-time noise limits for bars in the old town
date: 2026-11-25T09:15
byline: Aiko Lenz
summary: Bars in the old town must close their terraces at 11 p.m. from January, under rules approved by the city council (valdor.example/council/decisions/2026/night-time-noise-limits-old-town).
section: news
tags: [valdor, city council]
`,
    `Bars and restaurants in Valdor's old town will have to close their outdoor terraces at 11 p.m. from January, under rules approved by the city council on Tuesday.

The council voted 35 to 18 for the limits, which residents' associations had demanded for years. Owners of bars said the rules would cost jobs.

Inspectors will measure noise at night and can fine a bar up to 2,000 thaler for a repeat offence.

### How the council voted

| Party | For | Against | Abstained | Absent | Seats | Share of votes for |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| Civic Alliance | 14 | 2 | 0 | 1 | 17 | 82 per cent |
| Social Democrats | 11 | 6 | 1 | 0 | 18 | 61 per cent |
| Valdor First | 4 | 9 | 0 | 2 | 15 | 27 per cent |
| Greens and Independents | 6 | 1 | 0 | 1 | 8 | 75 per cent |

The rule as published in the council's register reads:

    §14(3) Outdoor seating areas of licensed premises in zone A (old town) shall be cleared no later than 23:00 on all days of the week.

***

Residents can report noise on the city's hotline, 0800-VALDOR-NIGHT-NOISE-COMPLAINTS-LINE, or by e-mail to noise.complaints.old-town@city-council.valdor.example.`,
  ),
};

/** What editors do now and then: words too long for a phone, many names and tags, deep lists, markup typed as text. */
const edgeCases = article(
  `
headline: Hafenleuchtturmbesichtigungsprogrammvorbereitungsausschuss meets for the first time in Valdor
date: 2026-11-24T21:00
byline: [Anna Maria Konstantinopoulou-Wolfeschlegelsteinhausenberger, Jan Berg, Ida Holm, Omid Rahimi, Petra Lind, Aiko Lenz]
summary: ${LONG_URL}
section: culture
tags: [Hafenleuchtturmbesichtigungsprogrammvorbereitungsausschuss, harbour, heritage, committees, volunteers, tourism, valdor, culture]
`,
  `The committee, whose name is a single word of 58 letters, met on **Tuesday** for _two hours_ in room \`B-114\`.

- Agenda
  - Opening hours
    - Winter
      - Weekends

#### Minutes

Approved unanimously.  
Published on ${LONG_URL}

---

An editor typed <b>markup</b> and <script>alert(1)</script> here; it must appear as text.`,
);

const ru = {
  photo: article(
    `
headline: Маяк в гавани Вальдора снова зажёгся спустя сорок лет
date: 2026-11-26T19:40
byline: Павел Ермаков
photo:
  src: mayak.jpg
  alt: Белый маяк с красным фонарём на каменном молу в сумерках, перед ним спокойная вода
  caption: Маяк на Северном молу в четверг вечером, вскоре после включения
summary: Маяк на Северном молу, не работавший с 1986 года, снова светит после трёхлетней реставрации на деньги горожан.
section: culture
tags: [вальдор, гавань, наследие]
`,
    `Маяк на Северном молу в Вальдоре в четверг вечером впервые с 1986 года снова зажёгся — после трёхлетней реставрации, которую в основном оплатили жители города.

Лампу включил Антон Вель, дед которого был последним смотрителем маяка. «Дед говорил, что свет принадлежит не ему, а морякам», — сказал Вель. Последний смотритель маяка, по его словам, каждый вечер поднимался на башню по ста двенадцати ступеням.

## Что отреставрировали

- каменную кладку башни;
- стекло и медную крышу фонарного помещения;
- вместо старой керосиновой горелки установлена светодиодная лампа.

Программа выходных опубликована на сайте портовой администрации: ${LONG_URL}.`,
  ),
  plain: article(
    `
headline: В старом городе Вальдора ограничили ночной шум
date: 2026-11-25T11:15
byline: Мария Соколова
summary: С января бары в старом городе должны закрывать летние веранды в 23:00.
section: news
tags: [вальдор, городской совет]
`,
    `Бары и рестораны в старом городе Вальдора с января должны будут закрывать летние веранды в 23:00. Такое решение во вторник принял городской совет.

За ограничения проголосовали 35 депутатов, против — 18. Владельцы баров говорят, что новые правила приведут к сокращениям.`,
  ),
};

const fa = {
  photo: article(
    `
headline: فانوس دریایی بندر والدور پس از چهل سال دوباره روشن شد
date: 2026-11-26T20:40
byline: نگار احمدی
photo:
  src: fanus.jpg
  alt: فانوس دریایی سفید با اتاقک چراغ قرمز روی موج‌شکن سنگی در هنگام غروب
  credit: نگار احمدی/مریدین
summary: فانوس دریایی موج‌شکن شمالی که از سال ۱۹۸۶ خاموش بود، پس از سه سال مرمت با کمک مردم دوباره روشن شد.
section: culture
tags: [والدور, بندر, میراث]
`,
    `فانوس دریایی موج‌شکن شمالی والدور پنجشنبه شب برای نخستین بار از سال ۱۹۸۶ دوباره روشن شد. هزینه سه سال مرمت آن را بیشتر ساکنان شهر پرداختند.

چراغ را آنتون ول روشن کرد که پدربزرگش آخرین فانوس‌بان این برج بود. او گفت: "پدربزرگم می‌گفت این نور مال او نیست، مال ملوانان است."

## چه چیزهایی مرمت شد

- سنگ‌کاری برج؛
- شیشه و سقف مسی اتاقک چراغ؛
- یک چراغ ال‌ای‌دی به جای مشعل نفتی قدیمی.

برنامه آخر هفته در وب‌سایت اداره بندر منتشر شده است: ${LONG_URL}`,
  ),
  plain: article(
    `
headline: محدودیت سروصدای شبانه در شهر قدیم والدور
date: 2026-11-25T12:15
byline: کاوه بهرامی
summary: از ژانویه، کافه‌ها و رستوران‌های شهر قدیم باید ساعت ۲۳ فضای باز خود را ببندند.
section: news
tags: [والدور, شورای شهر]
`,
    `کافه‌ها و رستوران‌های شهر قدیم والدور از ژانویه باید فضای باز خود را ساعت ۲۳ ببندند. شورای شهر روز سه‌شنبه این تصمیم را گرفت.

۳۵ عضو شورا به این محدودیت رأی مثبت و ۱۸ عضو رأی منفی دادند.`,
  ),
};

/** A lighthouse at dusk, drawn, so the fixture needs no binary files in the repository. */
async function lighthouse(width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 160 100" preserveAspectRatio="xMidYMid slice">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#23395d"/><stop offset="1" stop-color="#f2a65a"/></linearGradient></defs>
  <rect width="160" height="70" fill="url(#sky)"/><rect y="70" width="160" height="30" fill="#1d4e6b"/>
  <rect x="40" y="66" width="90" height="6" fill="#6b6b6b"/>
  <polygon points="74,66 86,66 83,30 77,30" fill="#f4f4f4"/><rect x="76" y="24" width="8" height="6" fill="#b22222"/>
  <circle cx="80" cy="27" r="2.5" fill="#fff6a8"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

function readTree(dir: string, prefix: string, files: FixtureFiles): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) readTree(full, `${prefix}${entry.name}/`, files);
    else if (entry.isFile()) files[`${prefix}${entry.name}`] = readFileSync(full);
  }
}

export async function qualityFixtureFiles(): Promise<FixtureFiles> {
  const files: FixtureFiles = {};
  readTree(path.join(repoRoot, 'content'), 'content/', files);
  const [landscape, portrait, square] = await Promise.all([lighthouse(1600, 1000), lighthouse(900, 1350), lighthouse(1200, 1200)]);
  Object.assign(files, {
    [`content/en/2026/11/${stories.en.withPhoto}.md`]: en.photo,
    'content/en/2026/11/harbour-lighthouse.jpg': landscape,
    [`content/en/2026/11/${stories.en.withoutPhoto}.md`]: en.plain,
    [`content/en/2026/11/${EDGE_CASES}.md`]: edgeCases,
    [`content/ru/2026/11/${stories.ru.withPhoto}.md`]: ru.photo,
    'content/ru/2026/11/mayak.jpg': portrait,
    [`content/ru/2026/11/${stories.ru.withoutPhoto}.md`]: ru.plain,
    [`content/fa/2026/11/${stories.fa.withPhoto}.md`]: fa.photo,
    'content/fa/2026/11/fanus.jpg': square,
    [`content/fa/2026/11/${stories.fa.withoutPhoto}.md`]: fa.plain,
  });
  return files;
}
