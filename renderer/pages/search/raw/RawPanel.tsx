/** Exactly what went to Doofinder and what came back: curl, the query-string parameters, the JSON. */
import type { SearchAnswerView, SearchParamsView } from '../../../../preload/contract';
import { CopyButton } from './CopyButton';
import { CurlBox } from './CurlBox';

export function RawPanel({
  engine,
  answer,
  params,
}: {
  engine: string;
  answer: SearchAnswerView;
  params: SearchParamsView;
}) {
  const json = JSON.stringify(answer.raw, null, 2);
  return (
    <section className="search-raw" aria-labelledby="search-raw-title" data-testid="search-raw">
      <h2 id="search-raw-title">Raw request and response</h2>
      <CurlBox engine={engine} params={params} curl={answer.request.curl} />
      <details className="search-raw__block">
        <summary>
          <h3>Query-string parameters ({answer.request.params.length})</h3>
        </summary>
        <table className="search-table" data-testid="search-request-params">
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {answer.request.params.map(([name, value], index) => (
              <tr key={`${name}|${index}`}>
                <td>
                  <code>{name}</code>
                </td>
                <td>
                  <code>{value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <details className="search-raw__block" data-testid="search-json-details">
        <summary>
          <h3>Response JSON</h3>
          <span className="muted">
            HTTP {answer.status} · {json.length.toLocaleString()} characters
          </span>
        </summary>
        <div className="search-raw__bar">
          <span />
          <CopyButton text={json} label="Copy JSON" testId="search-json-copy" />
        </div>
        <pre className="search-code search-code--tall" data-testid="search-json">
          {json}
        </pre>
      </details>
    </section>
  );
}
