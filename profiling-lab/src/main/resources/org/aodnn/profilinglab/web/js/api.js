// Talks to the console's embedded server. Every URL is relative to the page, whose path holds the
// session token, so the token travels with every request without the script knowing it.

// The console answered with an error: the session cannot go on.
export class ApiError extends Error {}

export class Api {
  async job() {
    const response = await fetch('api/job', { cache: 'no-store' });
    if (!response.ok) {
      throw new ApiError(`cannot load the job: HTTP ${response.status} ${await response.text()}`);
    }
    return response.json();
  }

  // Posts one message and waits until the console has stored it: results are posted one by one so
  // everything measured before a crash is already in the console's database.
  async post(kind, body) {
    const response = await fetch(`api/${kind}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
    if (!response.ok) {
      throw new ApiError(`the console refused ${kind}: HTTP ${response.status} ${await response.text()}`);
    }
  }
}
