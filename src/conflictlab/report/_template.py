"""The report's HTML template (jinja2, rendered with autoescaping: every value from a casebook is escaped)."""

TEMPLATE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} — conflictlab report</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
         color: #1a1a1a; margin: 0 auto; max-width: 1180px; padding: 1.5rem 2rem 4rem; line-height: 1.45; }
  h1 { font-size: 1.8rem; margin-bottom: .2rem; }
  h2 { border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2.4rem; }
  h3 { margin-bottom: .3rem; }
  .lede { font-size: 1.05rem; color: #333; }
  .headline { background: #f4f4f4; border-left: 5px solid #0072B2; padding: .6rem 1rem; font-weight: 600; }
  nav ul { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; list-style: none; padding: 0; }
  .explain { color: #555; font-size: .92rem; margin-top: 0; }
  .status { margin-bottom: 1.6rem; }
  .item { border: 1px solid #e2e2e2; border-radius: 6px; padding: .6rem .9rem; margin: .5rem 0; }
  .item .what { font-weight: 600; }
  .item .incident { color: #555; font-weight: normal; }
  .side { margin: .3rem 0 .1rem; font-weight: 600; }
  .says { margin: .1rem 0 .1rem 1rem; }
  q, blockquote { color: #333; font-style: italic; }
  blockquote { margin: .15rem 0 .3rem 1rem; font-size: .9rem; border-left: 3px solid #ccc; padding-left: .5rem; }
  .contradiction { color: #9a3a00; font-size: .92rem; }
  .count { color: #555; font-weight: normal; }
  .scroll { overflow-x: auto; border: 1px solid #ddd; }
  table { border-collapse: collapse; font-size: .85rem; }
  th, td { border: 1px solid #ddd; padding: .35rem .5rem; vertical-align: top; text-align: left; }
  td { min-width: 11rem; max-width: 16rem; }
  th.field { position: sticky; left: 0; background: #fafafa; min-width: 8rem; }
  thead th { background: #f0f0f0; }
  td .value { font-weight: 600; display: block; }
  td .quote { display: block; color: #444; font-style: italic; margin-top: .2rem; border-left: 3px solid #ccc;
             padding-left: .4rem; }
  td .doc { display: block; color: #777; font-size: .8rem; margin-top: .2rem; }
  td.empty { background: #fbfbfb; color: #aaa; }
  figure { margin: 1rem 0 2rem; }
  .chart { overflow-x: auto; }
  figcaption { color: #555; font-size: .9rem; }
  .files a { margin-right: .8rem; }
  .url-text { font-family: ui-monospace, monospace; font-size: .85rem; word-break: break-all; }
  footer { margin-top: 3rem; border-top: 1px solid #ddd; padding-top: 1rem; font-size: .9rem; color: #444; }
</style>
<script>{{ plotlyjs }}</script>
</head>
<body>
<header>
<h1>{{ title }}</h1>
{% if description %}<p class="lede">{{ description }}</p>{% endif %}
<p class="headline">In short: {{ headline }}.</p>
<nav aria-label="Contents"><ul>
  {% for s in sections %}<li><a href="#{{ s.id }}">{{ s.heading }} ({{ s["items"]|length }})</a></li>{% endfor %}
  <li><a href="#side-by-side">Side by side</a></li>
  <li><a href="#charts">Charts</a></li>
  <li><a href="#sources">Sources and documents</a></li>
  <li><a href="#citation">Citation</a></li>
</ul></nav>
</header>

<main>
<section id="summary">
<h2>Summary</h2>
{% for s in sections %}
<div class="status" id="{{ s.id }}">
<h3>{{ s.heading }} <span class="count">({{ s["items"]|length }})</span></h3>
<p class="explain">{{ s.explain }}</p>
{% if not s["items"] %}<p><em>Nothing in this casebook.</em></p>{% endif %}
{% for it in s["items"] %}
<div class="item">
  <div class="what">{{ it.field }} <span class="incident">— {{ it.incident }}</span></div>
  {% for side in it.sides %}
  <div class="side">{{ side.side }}</div>
  {% for src in side.sources %}
  <div class="says">{{ src.name }}: <strong>{{ src.value }}</strong>
    {% if src.quote %}<blockquote>{{ src.quote }}</blockquote>{% endif %}</div>
  {% endfor %}
  {% endfor %}
  {% for c in it.contradictions %}<div class="contradiction">≠ {{ c }}</div>{% endfor %}
</div>
{% endfor %}
</div>
{% endfor %}
</section>

<section id="side-by-side">
<h2>Side by side: what each source says, with its words</h2>
<p class="explain">One row per question, one column per source, sources grouped by side. Each cell gives the
source's answer in bold, then the quote it was read from (in italics, verbatim). An empty cell: the source says nothing on it.</p>
{% for t in tables %}
<h3>{{ t.title }}</h3>
<div class="scroll"><table>
<thead>
<tr><th class="field" rowspan="2">Question</th>
{% for g in t.groups %}<th colspan="{{ g.n }}">{{ g.name }}</th>{% endfor %}</tr>
<tr>{% for s in t.sources %}<th>{{ s.name }}</th>{% endfor %}</tr>
</thead>
<tbody>
{% for r in t.rows %}
<tr><th class="field" scope="row">{{ r.field }}</th>
{% for c in r.cells %}
{% if c.value %}<td><span class="value">{{ c.value }}</span>{% if c.quote %}<span class="quote">{{ c.quote }}</span>{% endif %}{% if c.document %}<span class="doc">in: {{ c.document }}</span>{% endif %}</td>
{% else %}<td class="empty">—</td>{% endif %}
{% endfor %}
</tr>
{% endfor %}
</tbody>
</table></div>
{% endfor %}
</section>

<section id="charts">
<h2>Charts</h2>
{% if not charts %}<p><em>No charts for this casebook.</em></p>{% endif %}
{% for c in charts %}
<figure id="figure-{{ c.name }}">
<h3>{{ c.heading }}</h3>
<figcaption>{{ c.explain }}</figcaption>
<div class="chart">{{ c.div }}</div>
{% if c.files %}<p class="files">Download:
{% for f in c.files %}<a href="{{ f }}" download>{{ f.rsplit('.', 1)[1]|upper }}</a>{% endfor %}</p>{% endif %}
</figure>
{% endfor %}
</section>

<section id="sources">
<h2>Sources and documents</h2>
<h3>Who speaks</h3>
<ul>
{% for s in sources %}
<li><strong>{{ s.name }}</strong> — {{ s.side }}, {{ s.kind }}{% if s.affiliation %} ({{ s.affiliation }}){% endif %}{% if s.note %}. <span class="explain">{{ s.note }}</span>{% endif %}</li>
{% endfor %}
</ul>
<h3>Where they said it</h3>
<ul>
{% for d in documents %}
<li>{% if d.author %}{{ d.author }}, {% endif %}{% if d.href %}<a href="{{ d.href }}" rel="noopener noreferrer nofollow">“{{ d.title }}”</a>{% else %}“{{ d.title }}”{% endif %},
  <em>{{ d.publisher }}</em>{% if d.published %}, {{ d.published }}{% endif %}{% if d.updated %} (updated {{ d.updated }}){% endif %}.
  {% if d.url and not d.href %}<br>Address given, not linked (not an http/https address): <span class="url-text">{{ d.url }}</span>{% elif not d.url %}<span class="explain">No address recorded.</span>{% endif %}
  {% if d.note %}<br><span class="explain">{{ d.note }}</span>{% endif %}</li>
{% endfor %}
</ul>
</section>
</main>

<footer id="citation">
<h2>Citation</h2>
{% if citation %}<p>{{ citation }}</p>{% else %}<p><em>The casebook gives no citation.</em></p>{% endif %}
{% if license %}<p>License: {{ license }}</p>{% endif %}
<p>Made with conflictlab {{ version }} on {{ generated }}. Verdicts are mechanical comparisons of what each source
says; they do not establish what happened.</p>
</footer>
</body>
</html>
"""
