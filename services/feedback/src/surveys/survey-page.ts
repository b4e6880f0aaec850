/**
 * The page a survey link opens, for a person with nothing but the link: the token travels in
 * the link's fragment, which browsers never send, so it reaches no server log; the page's
 * script reads it and talks to the survey API next to it (lookup, answers), showing the
 * API's own words when it refuses. A `?score=` in the link preselects the score, for mails
 * that offer one link per score. Only the page's own script runs (the service's CSP).
 */
export const SURVEY_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>How did we do?</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
fieldset { border: 1px solid #bbb; border-radius: .5rem; }
label { display: block; margin: .25rem 0; }
textarea { width: 100%; min-height: 6rem; }
button { margin-top: 1rem; padding: .5rem 1.5rem; }
</style>
<script src="respond.js" defer></script>
</head>
<body>
<main>
<h1>How did we do?</h1>
<p id="about">Opening the survey…</p>
<form id="survey" hidden>
<fieldset>
<legend id="question"></legend>
<label><input type="radio" name="score" value="1"> 1 · Very dissatisfied</label>
<label><input type="radio" name="score" value="2"> 2 · Dissatisfied</label>
<label><input type="radio" name="score" value="3"> 3 · Neither</label>
<label><input type="radio" name="score" value="4"> 4 · Satisfied</label>
<label><input type="radio" name="score" value="5"> 5 · Very satisfied</label>
</fieldset>
<label for="comment">Anything you would like to add? (optional)</label>
<textarea id="comment" name="comment" maxlength="2000"></textarea>
<button type="submit">Send</button>
</form>
<p id="outcome" role="status"></p>
</main>
</body>
</html>
`;

export const SURVEY_SCRIPT = `'use strict';
(() => {
  const token = decodeURIComponent(location.hash.slice(1));
  const about = document.getElementById('about');
  const form = document.getElementById('survey');
  const outcome = document.getElementById('outcome');
  const send = form.querySelector('button');
  const post = (path, body) =>
    fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const refusal = async (response) => {
    try {
      const problem = await response.json();
      return problem.detail || problem.title;
    } catch {
      return 'The survey could not be reached (' + response.status + '). Please try again later.';
    }
  };

  const open = async () => {
    if (!token) {
      about.textContent = 'This link carries no survey: open it exactly as it came in your message.';
      return;
    }
    const response = await post('lookup', { token });
    if (!response.ok) {
      about.textContent = await refusal(response);
      return;
    }
    const survey = await response.json();
    about.textContent = 'About: ' + survey.ticketTitle;
    if (survey.status !== 'open') {
      outcome.textContent =
        survey.status === 'answered' ? 'This survey was answered already. Thank you!' : 'This survey has expired.';
      return;
    }
    document.getElementById('question').textContent = survey.question;
    const preset = new URLSearchParams(location.search).get('score');
    const chosen = form.querySelector('input[name="score"][value="' + Number(preset) + '"]');
    if (chosen) chosen.checked = true;
    form.hidden = false;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const score = Number(new FormData(form).get('score'));
    if (!score) {
      outcome.textContent = 'Choose a score from 1 to 5.';
      return;
    }
    send.disabled = true;
    const comment = document.getElementById('comment').value.trim();
    const response = await post('answers', comment ? { token, score, comment } : { token, score });
    if (response.ok) {
      form.hidden = true;
      outcome.textContent = 'Thank you: your answer was recorded.';
    } else {
      outcome.textContent = await refusal(response);
      send.disabled = false;
    }
  });

  open().catch(() => {
    about.textContent = 'The survey could not be reached. Please try again later.';
  });
})();
`;
