import { Result } from 'antd';
import { Link } from 'react-router';
import { useStaffWords } from '../words.ts';

export default function NotFoundPage() {
  const { common } = useStaffWords();
  return (
    <Result
      status="404"
      title={<h1 className="jw-result-title">{common.notFound}</h1>}
      subTitle={common.pageMissing}
      extra={<Link to="/">{common.backHome}</Link>}
    />
  );
}
