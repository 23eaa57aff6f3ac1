import { NotFound } from '../components/QueryState.tsx';

export default function NotFoundPage() {
  return <NotFound />;
}
