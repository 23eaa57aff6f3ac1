import { Link } from 'react-router';
import { useWords } from './words.ts';

/** The project page's way into its money page, and the label of that line. */
export function MoneyLink({ projectId }: { projectId: string }) {
  const w = useWords();
  return <Link to={`/projects/${projectId}/money`}>{w.money}</Link>;
}

export function MoneyLabel() {
  return <>{useWords().moneyShort}</>;
}
